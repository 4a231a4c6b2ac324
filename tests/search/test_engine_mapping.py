"""What Wagtail builds for Elasticsearch 9 / OpenSearch 3, without a server: the mapping
and the document for every indexed model, our analysis settings, and the settings
switch."""

import json
import os
import subprocess
import sys

import pytest
from modelsearch.backends.elasticsearch9 import Elasticsearch9Mapping
from modelsearch.index import get_indexed_models

from search.backends.elasticsearch9 import SearchBackend as ES9Backend
from search.backends.opensearch3 import SearchBackend as OS3Backend
from search.glossary import GLOSSARY
from tests.factories.guidance import make_guidance
from tests.factories.training import make_lesson, make_module

OURS = {"guidance.guidancepage", "training.modulepage", "training.lessonpage"}


def _label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


@pytest.mark.parametrize("model", get_indexed_models(), ids=_label)
def test_every_indexed_model_has_a_mapping(model):
    mapping = Elasticsearch9Mapping(model)
    properties = mapping.get_mapping()["properties"]
    assert properties["pk"] == {"type": "keyword", "store": True}
    assert "_all_text" in properties
    assert mapping.get_content_type() in mapping.get_all_content_types()


def test_guidance_mapping_fields_boosts_and_filters():
    from guidance.models import GuidancePage

    mapping = Elasticsearch9Mapping(GuidancePage)
    properties = mapping.get_mapping()["properties"]
    assert properties["title"]["type"] == "text"
    # Wagtail's Page title boost (2) is applied through a copy_to boost field
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["guidance_guidancepage__summary"]["type"] == "text"
    assert properties["guidance_guidancepage__body"]["type"] == "text"
    assert properties["live_filter"]["type"] == "boolean"
    assert properties["guidance_guidancepage__is_public_filter"]["type"] == "boolean"
    themes = properties["guidance_guidancepage__themes"]
    assert themes["type"] == "nested"
    assert themes["properties"]["slug_filter"]["type"] == "keyword"
    assert "_all_text_boost_2_0" in properties


@pytest.mark.django_db
def test_documents_for_pages():
    guidance = make_guidance(
        title="Referring a victim to an ISVA", paragraphs=("Offer a referral early.",)
    )
    module = make_module(title="Repeat offenders", lessons=0)
    lesson = make_lesson(module, title="Linking offences")
    for obj in (guidance, module, lesson):
        mapping = Elasticsearch9Mapping(type(obj))
        document = mapping.get_document(obj)
        assert document["pk"] == str(obj.pk)
        assert document["title"] == obj.title
        assert document["live_filter"] is True
        assert document["content_type_id_filter"] == obj.content_type_id
        assert mapping.get_document_id(obj)
        json.dumps(document, default=str)  # serialisable as sent to the cluster
    document = Elasticsearch9Mapping(type(guidance)).get_document(guidance)
    assert "Offer a referral early." in document["guidance_guidancepage__body"]
    assert document["guidance_guidancepage__themes"][0]["slug_filter"]


@pytest.mark.parametrize("backend_class", [ES9Backend, OS3Backend])
def test_index_settings_carry_english_analysis_and_glossary(backend_class):
    backend = backend_class({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "t-"})
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"][-1] == "english_stemmer"
    search_filters = analysis["analyzer"]["default_search"]["filter"]
    assert "glossary_synonyms" in search_filters
    assert search_filters.index("glossary_synonyms") < search_filters.index(
        "english_stemmer"
    )
    rules = analysis["filter"]["glossary_synonyms"]["synonyms"]
    assert len(rules) == len(GLOSSARY)
    assert "isva, independent sexual violence adviser" in rules
    # Wagtail's own analysers are kept
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert backend.catch_indexing_errors


@pytest.mark.parametrize(
    "variable,backend",
    [
        ("ELASTICSEARCH_URL", "search.backends.elasticsearch9"),
        ("OPENSEARCH_URL", "search.backends.opensearch3"),
        (None, "search.backends.database"),
    ],
)
def test_settings_switch_by_environment(variable, backend):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ELASTICSEARCH_URL", "OPENSEARCH_URL")
    }
    if variable:
        env[variable] = "https://search.example:9200"
    code = (
        "import json; from learning_network.settings import base; "
        "print(json.dumps(base.WAGTAILSEARCH_BACKENDS['default']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    conf = json.loads(out.strip().splitlines()[-1])
    assert conf["BACKEND"] == backend
    if variable:
        assert conf["URLS"] == ["https://search.example:9200"]
