"""The item view of a crawl (``archiver view``): its articles item by item, photos read from
the WARC files, served on 127.0.0.1 (:mod:`.server`) or written as static files (:mod:`.export`).

Modules: :mod:`.catalog` (the output folder as view models), :mod:`.search` (filters),
:mod:`.photos` (photos from the WARCs), :mod:`.thumbs` (Pillow thumbnails), :mod:`.prepared`
(both for one photo), :mod:`.markup` and :mod:`.render` (HTML).
"""
