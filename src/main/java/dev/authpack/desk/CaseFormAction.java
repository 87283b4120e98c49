package dev.authpack.desk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a press of a form button asks for. Without JavaScript, "add a row" and "remove row n" post
 * the form with {@code _action=add:<list>} or {@code _action=remove:<list>:<position>}: the form
 * comes back with the row added or removed and nothing saved. Anything else saves.
 */
record CaseFormAction(Kind kind, String list, int position) {

    enum Kind { SAVE, ADD, REMOVE }

    private static final Pattern ADD = Pattern.compile("add:([\\w.]+)");
    private static final Pattern REMOVE = Pattern.compile("remove:([\\w.]+):(\\d{1,4})");

    static final CaseFormAction SAVE = new CaseFormAction(Kind.SAVE, null, -1);

    static CaseFormAction of(String action) {
        if (action == null) {
            return SAVE;
        }
        Matcher add = ADD.matcher(action);
        if (add.matches() && CaseForm.LISTS.contains(add.group(1))) {
            return new CaseFormAction(Kind.ADD, add.group(1), -1);
        }
        Matcher remove = REMOVE.matcher(action);
        if (remove.matches() && CaseForm.LISTS.contains(remove.group(1))) {
            return new CaseFormAction(Kind.REMOVE, remove.group(1), Integer.parseInt(remove.group(2)));
        }
        return SAVE;
    }

    boolean isSave() {
        return kind == Kind.SAVE;
    }

    boolean adds(String l) {
        return kind == Kind.ADD && l.equals(list);
    }

    boolean removes(String l, int at) {
        return kind == Kind.REMOVE && l.equals(list) && at == position;
    }
}
