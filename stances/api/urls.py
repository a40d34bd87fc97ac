"""The API's addresses, under /api/."""

from django.urls import path, re_path

from . import docs, views

app_name = "api"
urlpatterns = [
    path("", views.Index.as_view(), name="index"),
    path("openapi.json", docs.OpenApiDocument.as_view(), name="openapi"),
    path("docs/", docs.api_docs, name="docs"),
    path("elections/", views.ElectionList.as_view(), name="elections"),
    path("elections/<slug:slug>/", views.ElectionDetail.as_view(), name="election"),
    path("elections/<slug:slug>/grid/", views.ElectionGrid.as_view(), name="election-grid"),
    path("speakers/", views.SpeakerList.as_view(), name="speakers"),
    path("speakers/<slug:slug>/", views.SpeakerDetail.as_view(), name="speaker"),
    path("topics/", views.TopicList.as_view(), name="topics"),
    path("topics/<slug:slug>/", views.TopicDetail.as_view(), name="topic"),
    path("stances/", views.StanceList.as_view(), name="stances"),
    path("stances/<slug:slug>/", views.StanceDetail.as_view(), name="stance"),
    path("outlets/", views.OutletList.as_view(), name="outlets"),
    path("outlets/<slug:slug>/", views.OutletDetail.as_view(), name="outlet"),
    path("articles/", views.ArticleList.as_view(), name="articles"),
    path("articles/<int:pk>/", views.ArticleDetail.as_view(), name="article"),
    path("quotes/", views.QuoteList.as_view(), name="quotes"),
    path("quotes/<int:pk>/", views.QuoteDetail.as_view(), name="quote"),
    # Anything else under /api/ ending in a slash (line breaks included) is a JSON 404, as an
    # unknown id is; without the slash, CommonMiddleware first redirects to it.
    re_path(r"^[\s\S]*/\Z", views.NotFoundView.as_view(), name="not-found"),
]
