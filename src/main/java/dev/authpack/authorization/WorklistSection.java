package dev.authpack.authorization;

import java.util.List;

/**
 * One list of the start page as the page shows it. A busy clinic's lists run to thousands (a reviewer's
 * 10,000 drafts made a 2.6 MB page), so each shows its first {@link #PREVIEW} items, most urgent first, and
 * the one a clerk chose to see in full ({@code show}) a page of {@link #PAGE_SIZE} at a time. {@code total}
 * stays the whole list's count. {@code page} is 1-based; 0 while the list shows its preview.
 */
record WorklistSection(String name, List<WorkItem> items, int from, int total, int page) {

    static final int PREVIEW = 50;
    static final int PAGE_SIZE = 200;

    /** The section of {@code name} over the whole list, as the start page's {@code show} and {@code page} ask. */
    static WorklistSection of(String name, List<WorkItem> all, String show, int page) {
        // a list that fits its preview is whole as it is: asked for in full (a "show all" link followed after the
        // list shrank, or bookmarked) it said "Showing 1–0 of 0." under "Nothing here today." with a link back
        if (!name.equals(show) || all.size() <= PREVIEW) {
            return new WorklistSection(name, all.subList(0, Math.min(PREVIEW, all.size())), 0, all.size(), 0);
        }
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        // a page past the end (the list shrank since the link was written) shows the last one rather than nothing
        int p = Math.min(Math.max(page, 1), pages);
        int from = (p - 1) * PAGE_SIZE;
        return new WorklistSection(name, all.subList(from, Math.min(from + PAGE_SIZE, all.size())), from,
                all.size(), p);
    }

    /** How many items a list shows before a clerk asks for all of them (for the page's "show the first 50 only"). */
    public int preview() {
        return PREVIEW;
    }

    /** Whether the list is shown in full, page by page (the clerk asked for all of it). */
    public boolean all() {
        return page > 0;
    }

    /** The position of the last item shown, 1-based ("Showing 201–400 of 3,214"). */
    public int to() {
        return from + items.size();
    }

    /** Whether the preview leaves items out: the page then offers the whole list. */
    public boolean cut() {
        return !all() && items.size() < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return all() && to() < total;
    }
}
