"""The glossary from DESIGN.md: each acronym and its expansion are synonyms both ways.

The database backend expands queries with it (search.query); the Elasticsearch and
OpenSearch backends carry it as a synonym_graph filter in the index settings
(search.backends).
"""

GLOSSARY: dict[str, str] = {
    "RASSO": "rape and serious sexual offences",
    "ABE": "Achieving Best Evidence",
    "ISVA": "independent sexual violence adviser",
    "SARC": "sexual assault referral centre",
    "VRI": "visually recorded interview",
    "DFU": "digital forensics unit",
    "CPS": "Crown Prosecution Service",
    "PACE": "Police and Criminal Evidence Act",
    "NFA": "no further action",
    "VAWG": "violence against women and girls",
    "SOIT": "sexual offences investigative trained officer",
    "STO": "specially trained officer",
    "MG3": "report to crown prosecutor for a charging decision",
    "VPS": "victim personal statement",
    "DA": "domestic abuse",
    "OIC": "officer in the case",
    "CSE": "child sexual exploitation",
    "RSO": "registered sex offender",
}

ACRONYMS = {
    acronym.lower(): expansion.lower() for acronym, expansion in GLOSSARY.items()
}
EXPANSIONS = {
    expansion.lower(): acronym.lower() for acronym, expansion in GLOSSARY.items()
}


def synonym_rules() -> list[str]:
    """Solr-format rules for Elasticsearch's synonym_graph filter."""
    return [f"{a.lower()}, {e.lower()}" for a, e in GLOSSARY.items()]
