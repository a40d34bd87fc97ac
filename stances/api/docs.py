"""The OpenAPI document (/api/openapi.json) and the page that documents the API from it
(/api/docs/), in the site's own style: server-rendered, no script, nothing from another site."""

import functools

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from rest_framework.response import Response
from rest_framework.views import APIView


@functools.cache
def openapi_document() -> dict:
    """The API's OpenAPI 3.0 document. It depends on the code only, so each process builds it
    once."""
    return SchemaGenerator().get_schema(request=None, public=True)


class OpenApiDocument(APIView):
    schema = None  # the document does not describe itself

    def get(self, request):
        return Response(openapi_document())


def type_of(schema: dict) -> str:
    """A schema in words: "string (date)", "list of Quote", "one of: a, b", "or null"."""
    if "$ref" in schema:
        text = schema["$ref"].rsplit("/", 1)[-1]
    elif "allOf" in schema:
        text = " and ".join(type_of(part) for part in schema["allOf"])
    elif "oneOf" in schema or "anyOf" in schema:
        parts = [type_of(part) for part in schema.get("oneOf", schema.get("anyOf"))]
        text = " or ".join(part for part in parts if part)
    elif "enum" in schema:
        values = [value for value in schema["enum"] if value not in ("", None)]
        text = "one of: " + ", ".join(str(value) for value in values)
    elif schema.get("type") == "array":
        text = f"list of {type_of(schema.get('items', {}))}"
    elif schema.get("type") == "object" and "additionalProperties" in schema:
        text = f"object of {type_of(schema['additionalProperties'])}"
    else:
        text = schema.get("type", "")
        if "format" in schema:
            text = f"{text} ({schema['format']})"
    if schema.get("nullable"):
        text = f"{text}, or null"
    return text


def fields_of(schema: dict) -> list[dict]:
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "type": type_of(field),
            "ref": ref_name(field),
            "description": field.get("description", ""),
            "required": name in required,
        }
        for name, field in schema.get("properties", {}).items()
    ]


def ref_name(schema: dict) -> str:
    """The component a field refers to (directly, in a list, or with allOf), if any."""
    for candidate in (schema, schema.get("items", {}), *schema.get("allOf", ())):
        if "$ref" in candidate:
            return candidate["$ref"].rsplit("/", 1)[-1]
    return ""


def operations(document: dict) -> list[dict]:
    found = []
    for path, methods in document.get("paths", {}).items():
        operation = methods.get("get")
        if operation is None:
            continue
        responses = []
        for status, response in operation.get("responses", {}).items():
            schema = response.get("content", {}).get("application/json", {}).get("schema", {})
            responses.append(
                {
                    "status": status,
                    "description": response.get("description", ""),
                    "type": type_of(schema) if schema else "",
                    "ref": ref_name(schema) if schema else "",
                }
            )
        found.append(
            {
                "path": path,
                "anchor": operation["operationId"],
                "description": operation.get("description", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "location": parameter["in"],
                        "required": parameter.get("required", False),
                        "type": type_of(parameter.get("schema", {})),
                        "description": parameter.get("description", ""),
                    }
                    for parameter in operation.get("parameters", ())
                ],
                "responses": responses,
            }
        )
    return found


def api_docs(request):
    document = openapi_document()
    schemas = document.get("components", {}).get("schemas", {})
    context = {
        "section": "api",
        "document": document,
        "operations": operations(document),
        "schemas": [
            {
                "name": name,
                "description": schema.get("description", ""),
                "fields": fields_of(schema),
            }
            for name, schema in sorted(schemas.items())
            if "properties" in schema
        ],
    }
    return render(request, "api/docs.html", context)
