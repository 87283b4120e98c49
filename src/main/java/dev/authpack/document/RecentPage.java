package dev.authpack.document;

import java.util.List;

/**
 * One page of Recent documents, newest first, whether older documents follow it, and the filter it answers: the
 * one asked for, or, for a page past the end, the same on the last page.
 */
record RecentPage(List<RecentDocument> rows, boolean hasOlder, RecentFilter filter) {
}
