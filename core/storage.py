"""Static files as production serves them, with each file's URL worked out once per
process: the storage reads its manifest once, when it starts, so a name's hashed URL
cannot change while the process runs (a deploy starts new processes)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class CompressedManifestStaticFilesStorageOnce(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:
            # A name missing from the manifest raises here, every time.
            url = self._urls[name] = super().url(name)
        return url
