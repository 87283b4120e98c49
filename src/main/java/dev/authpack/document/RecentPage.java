package dev.authpack.document;

import java.util.List;

/** One page of Recent documents, newest first, and whether older documents follow it. */
record RecentPage(List<RecentDocument> rows, boolean hasOlder) {
}
