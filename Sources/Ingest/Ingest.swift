import MIME
import Archive
