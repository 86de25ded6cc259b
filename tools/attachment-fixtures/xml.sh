# The "xml" section of tools/make-attachment-fixtures: Office, OpenDocument, RTF, ZIP and
# forwarded-message fixtures and their hostile files (see tools/make-attachment-fixtures-xml).
exec "$(dirname "$0")/../make-attachment-fixtures-xml"
