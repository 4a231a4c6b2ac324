from search.selectors import Filters, search_site


def titles(outcome):
    return [r.title for r in outcome.results]


def test_results_across_types_with_facet_counts(officer, corpus):
    outcome = search_site(officer, "victim")
    assert outcome.total >= 2
    types = {f.key: f.count for f in outcome.facets["type"]}
    assert types["guidance"] == 2
    themes = {f.key: f.count for f in outcome.facets["theme"]}
    assert themes["victim-engagement"] == 1
    assert themes["digital-forensics"] == 1
    assert sum(f.count for f in outcome.facets["date"][:1]) == 2


def test_results_include_modules_and_lessons(officer, corpus):
    assert "Investigating repeat offenders" in titles(search_for_(officer, "repeat"))
    assert "Linking offences" in titles(search_for_(officer, "serial offending"))


def search_for_(user, query, **kw):
    return search_site(user, query, **kw)


def test_synonyms_both_ways(officer, corpus):
    assert titles(search_site(officer, "ISVA"))[0] == "Referring a victim to an ISVA"
    found = titles(search_site(officer, "independent sexual violence adviser"))
    assert "Referring a victim to an ISVA" in found


def test_phrase_in_quotes(officer, corpus):
    assert titles(search_site(officer, '"strictly necessary"')) == [
        "Consent for downloading a victim's phone"
    ]
    assert titles(search_site(officer, '"necessary strictly"')) == []


def test_stemming(officer, corpus):
    # "downloads" and "downloading" share the stem "download"
    assert "Consent for downloading a victim's phone" in titles(
        search_site(officer, "downloads")
    )


def test_misspelling_shows_results_for_the_corrected_spelling(officer, corpus):
    outcome = search_site(officer, "consnet")
    assert outcome.showing_for == "consent"
    assert titles(outcome) == ["Consent for downloading a victim's phone"]


def test_did_you_mean_when_filters_leave_nothing(officer, corpus):
    outcome = search_site(
        officer, "consnet", filters=Filters(themes=["digital-forensics"])
    )
    assert outcome.total == 0
    assert outcome.did_you_mean == "consent"


def test_no_suggestion_for_nonsense(officer, corpus):
    outcome = search_site(officer, "qwertyuiop")
    assert outcome.total == 0
    assert outcome.did_you_mean == ""
    assert not outcome.degraded


def test_theme_filter(officer, corpus):
    outcome = search_site(
        officer, "victim", filters=Filters(themes=["digital-forensics"])
    )
    assert titles(outcome) == ["Consent for downloading a victim's phone"]
    assert outcome.total == 1


def test_page_renders_marks_and_facets(search_for, officer, corpus):
    response = search_for(officer, "ISVA referral")
    html = response.content.decode()
    assert "Referring a victim to an ISVA" in html
    assert "<mark>" in html
    assert 'name="type"' in html
