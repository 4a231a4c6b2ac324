from django import forms

from core.base_forms import SiteForm

from .query import MAX_QUERY_LENGTH
from .selectors import DATE_BUCKETS, SORTS, Filters


class SearchForm(SiteForm):
    """Parses the search page's query string; anything odd falls back to defaults."""

    q = forms.CharField(required=False, max_length=1000, strip=True)
    type = forms.MultipleChoiceField(required=False, choices=[])
    theme = forms.MultipleChoiceField(required=False, choices=[])
    force = forms.MultipleChoiceField(required=False, choices=[])
    date = forms.ChoiceField(
        required=False,
        choices=[("", "Any time")] + [(key, label) for key, label, _ in DATE_BUCKETS],
    )
    sort = forms.ChoiceField(required=False, choices=list(SORTS.items()))
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(
        self, *args, type_choices=(), theme_choices=(), force_choices=(), **kw
    ):
        super().__init__(*args, **kw)
        self.fields["type"].choices = list(type_choices)
        self.fields["theme"].choices = list(theme_choices)
        self.fields["force"].choices = list(force_choices)

    def value(self, name, default=None):
        if (
            self.is_bound
            and not self.errors.get(name)
            and hasattr(self, "cleaned_data")
        ):
            return self.cleaned_data.get(name) or default
        return default

    def query(self) -> str:
        return (self.value("q", "") or "")[:MAX_QUERY_LENGTH]

    def filters(self) -> Filters:
        return Filters(
            types=self.value("type", []),
            themes=self.value("theme", []),
            forces=self.value("force", []),
            date=self.value("date", ""),
        )
