app_name = "embeds"
urlpatterns = []
