"""The delivery kit: offline assets for the book, and the pack of zipped sites and printable PDFs."""
