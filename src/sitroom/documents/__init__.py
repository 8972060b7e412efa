"""Reading inputs: text, Markdown, HTML, JSONL; title, dateline, published date; hashes."""

from sitroom.documents.model import Document, ReadFailure
from sitroom.documents.readers import iter_documents, read_text_document

__all__ = ["Document", "ReadFailure", "iter_documents", "read_text_document"]
