"""On PostgreSQL, serving processes connect with timeouts and a bounded pool; one-off commands
(migrations, imports, the task worker) keep the timeouts for connecting only."""

import json

from tests.test_settings_refuse_to_serve_without_a_secret_key import run

PRINT_DATABASE = (
    "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE']='stances.settings';"
    "from django.conf import settings;"
    "print(json.dumps(settings.DATABASES['default'], default=str))"
)
POSTGRES = "postgres://stances@db.example:5432/stances"


def database_settings(**env) -> dict:
    result = run("-c", PRINT_DATABASE, SECRET_KEY="x", DATABASE_URL=POSTGRES, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_serving_process_times_out_statements_and_pools_its_connections():
    config = database_settings()

    assert config["OPTIONS"]["connect_timeout"] == 3
    assert "statement_timeout=10000" in config["OPTIONS"]["options"]
    assert "lock_timeout=10000" in config["OPTIONS"]["options"]
    assert config["OPTIONS"]["pool"]["max_size"] == 4
    assert config["OPTIONS"]["pool"]["timeout"] == 5
    assert config["CONN_MAX_AGE"] == 0


def test_the_limits_are_configurable():
    config = database_settings(
        DATABASE_STATEMENT_TIMEOUT="4", DATABASE_CONNECT_TIMEOUT="1", DATABASE_POOL_SIZE="8"
    )

    assert config["OPTIONS"]["connect_timeout"] == 1
    assert "statement_timeout=4000" in config["OPTIONS"]["options"]
    assert config["OPTIONS"]["pool"]["max_size"] == 8


def test_without_a_pool_connections_persist_with_health_checks():
    config = database_settings(DATABASE_POOL_SIZE="0")

    assert "pool" not in config["OPTIONS"]
    assert config["CONN_MAX_AGE"] == 600
    assert config["CONN_HEALTH_CHECKS"] is True


def test_a_migration_may_run_long_statements():
    config = database_settings(STANCES_MANAGE_COMMAND="migrate")

    assert "options" not in config["OPTIONS"]
    assert config["OPTIONS"]["connect_timeout"] == 3


PRINT_SETTINGS = (
    "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE']='stances.settings';"
    "from django.conf import settings;"
    "print(json.dumps({'databases': sorted(settings.DATABASES),"
    " 'routers': settings.DATABASE_ROUTERS,"
    " 'mirror': settings.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'),"
    " 'page_cache': settings.PAGE_CACHE_SECONDS, 'lag': settings.REPLICA_LAG_SECONDS,"
    " 'cache': settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}))"
)


def other_settings(**env) -> dict:
    result = run("-c", PRINT_SETTINGS, SECRET_KEY="x", DATABASE_URL=POSTGRES, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_replica_url_adds_the_replica_and_its_router():
    found = other_settings(DATABASE_REPLICA_URL="postgres://reader@replica.example:5432/stances")

    assert found["databases"] == ["default", "replica"]
    assert found["routers"] == ["stances.replica.ReplicaRouter"]
    assert found["mirror"] == "default"
    assert found["lag"] == 10


def test_without_a_replica_there_is_no_router():
    found = other_settings()

    assert found["databases"] == ["default"]
    assert found["routers"] == []


def test_pages_are_cached_only_where_every_process_shares_the_cache():
    assert other_settings()["page_cache"] == 0
    assert other_settings(REDIS_URL="redis://cache.example:6379/0")["page_cache"] == 600
    assert other_settings(PAGE_CACHE_SECONDS="60")["page_cache"] == 60


def test_the_processes_of_one_machine_can_share_a_cache_in_files():
    """bin/demo's server and task worker: a write by either drops the pages both serve."""
    assert other_settings()["cache"] == "LocMemCache"
    shared = other_settings(CACHE_DIRECTORY="var/cache")
    assert (shared["cache"], shared["page_cache"]) == ("FileBasedCache", 600)
    assert other_settings(CACHE_DIRECTORY="var/cache", REDIS_URL="redis://c:6379/0")["cache"] == (
        "RedisCache"
    )


def test_a_redis_url_without_its_scheme_is_refused():
    result = run("-c", PRINT_SETTINGS, SECRET_KEY="x", REDIS_URL="cache.example:6379")

    assert result.returncode != 0
    assert "REDIS_URL must start with redis://" in result.stderr
