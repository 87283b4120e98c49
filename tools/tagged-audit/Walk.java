import java.io.File;
import java.io.PrintStream;
import java.util.*;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.*;
import org.apache.pdfbox.pdmodel.*;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.*;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.*;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Structure-tree walker for the PDF/UA semantics audit: per PDF, the catalog facts (Lang, title,
 * DisplayDocTitle, outlines), the tagged tree with each element's text, and findings.
 * usage: java -cp CP Walk.java OUT_DIR PDF... (see README.md)
 */
public class Walk {
    static Map<Integer, Map<Integer, String>> mcText = new HashMap<>(); // page index -> mcid -> text
    static Map<Integer, Set<Integer>> mcUsed = new HashMap<>();
    static List<String> findings = new ArrayList<>();
    static StringBuilder tree = new StringBuilder();
    static StringBuilder reading = new StringBuilder();
    static List<String> headings = new ArrayList<>();
    static PDDocument doc;

    public static void main(String[] a) throws Exception {
        File out = new File(a[0]);
        out.mkdirs();
        for (int i = 1; i < a.length; i++) {
            File f = new File(a[i]);
            mcText.clear(); mcUsed.clear(); findings.clear(); tree.setLength(0); reading.setLength(0); headings.clear();
            try (PDDocument d = Loader.loadPDF(f)) {
                doc = d;
                walk(d);
            }
            String name = f.getName().replace(".pdf", "");
            try (PrintStream ps = new PrintStream(new File(out, name + ".struct.txt"), "UTF-8")) {
                ps.println("== " + name);
                findings.forEach(x -> ps.println("FINDING " + x));
                ps.println("-- headings"); headings.forEach(ps::println);
                ps.println("-- tree"); ps.print(tree);
            }
            try (PrintStream ps = new PrintStream(new File(out, name + ".reading.txt"), "UTF-8")) {
                ps.print(reading);
            }
            System.out.println(name + ": " + String.join(" | ", findings));
        }
    }

    static void walk(PDDocument d) throws Exception {
        PDDocumentCatalog cat = d.getDocumentCatalog();
        String lang = cat.getLanguage();
        findings.add("info Lang=" + lang);
        String title = d.getDocumentInformation().getTitle();
        findings.add("info Title=" + title);
        var vp = cat.getViewerPreferences();
        findings.add("info DisplayDocTitle=" + (vp == null ? null : vp.displayDocTitle()));
        var mark = cat.getMarkInfo();
        findings.add("info Marked=" + (mark == null ? null : mark.isMarked()) + " Suspects=" + (mark == null ? null : mark.isSuspect()));
        PDDocumentOutline ol = cat.getDocumentOutline();
        List<String> bm = new ArrayList<>();
        if (ol != null) outline(ol.children(), "", bm);
        findings.add("info outlines=" + bm);
        findings.add("info pages=" + d.getNumberOfPages());
        // marked contents per page
        int unmarkedText = 0;
        for (int p = 0; p < d.getNumberOfPages(); p++) {
            PDPage page = d.getPage(p);
            PDFMarkedContentExtractor ex = new PDFMarkedContentExtractor();
            ex.processPage(page);
            Map<Integer, String> m = new HashMap<>();
            StringBuilder art = new StringBuilder();
            for (PDMarkedContent mc : ex.getMarkedContents()) collect(mc, m, art, false);
            mcText.put(p, m);
            if (art.length() > 0) findings.add("artifact-text p" + (p + 1) + ": " + clip(art.toString(), 160));
            if (!page.getCOSObject().containsKey(COSName.STRUCT_PARENTS) && !m.isEmpty())
                findings.add("DEFECT p" + (p + 1) + " has MCIDs but no /StructParents");
            // text outside any marked content
            String all = pageText(d, p);
            int markedLen = m.values().stream().mapToInt(s -> s.replaceAll("\\s", "").length()).sum() + art.toString().replaceAll("\\s", "").length();
            int allLen = all.replaceAll("\\s", "").length();
            if (allLen > markedLen + 2) findings.add("DEFECT p" + (p + 1) + " unmarked text chars=" + (allLen - markedLen));
        }
        PDStructureTreeRoot root = cat.getStructureTreeRoot();
        if (root == null) { findings.add("DEFECT no structure tree"); return; }
        findings.add("info rolemap=" + root.getRoleMap());
        for (Object k : root.getKids()) node(k, 0, null, -1);
        // orphans
        for (var e : mcText.entrySet()) {
            Set<Integer> used = mcUsed.getOrDefault(e.getKey(), Set.of());
            List<String> orphan = new ArrayList<>();
            for (var mc : e.getValue().entrySet())
                if (!used.contains(mc.getKey()) && !mc.getValue().isBlank()) orphan.add(mc.getKey() + ":" + clip(mc.getValue(), 30));
            if (!orphan.isEmpty()) findings.add("DEFECT p" + (e.getKey() + 1) + " MCIDs not in tree: " + clip(orphan.toString(), 200));
        }
        // headings
        int h1 = 0, prev = 0;
        for (String h : headings) {
            int lvl = h.charAt(1) - '0';
            if (lvl == 1) h1++;
            if (prev > 0 && lvl > prev + 1) findings.add("skip " + prev + "->" + h);
            prev = lvl;
        }
        findings.add("info H1 count=" + h1 + " headings=" + headings.size());
    }

    static void outline(Iterable<PDOutlineItem> items, String ind, List<String> out) {
        for (PDOutlineItem it : items) {
            out.add(ind + it.getTitle());
            outline(it.children(), ind + ">", out);
        }
    }

    static String pageText(PDDocument d, int p) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(p + 1); s.setEndPage(p + 1);
        return s.getText(d);
    }

    static void collect(PDMarkedContent mc, Map<Integer, String> m, StringBuilder art, boolean inArtifact) {
        boolean artifact = inArtifact || "Artifact".equals(mc.getTag());
        StringBuilder sb = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) sb.append(t.getUnicode());
            else if (o instanceof PDMarkedContent inner) collect(inner, m, art, artifact);
        }
        if (artifact) art.append(sb).append(' ');
        else if (mc.getMCID() >= 0) m.merge(mc.getMCID(), sb.toString(), String::concat);
    }

    static String clip(String s, int n) { s = s.replace("\n", "\\n"); return s.length() > n ? s.substring(0, n) + "…" : s; }

    static int pageIndex(PDPage pg) { return pg == null ? -1 : doc.getPages().indexOf(pg); }

    static String node(Object k, int depth, PDStructureElement parent, int pg) {
        String ind = "  ".repeat(depth);
        if (k instanceof Integer mcid) {
            return mc(pg, mcid);
        }
        if (k instanceof PDMarkedContentReference ref) {
            int p = ref.getPage() != null ? pageIndex(ref.getPage()) : pg;
            return mc(p, ref.getMCID());
        }
        if (k instanceof PDObjectReference ref) {
            tree.append(ind).append("OBJR ").append(ref.getReferencedObject()).append('\n');
            return "";
        }
        if (!(k instanceof PDStructureElement e)) { tree.append(ind).append("? ").append(k).append('\n'); return ""; }
        int p = e.getPage() != null ? pageIndex(e.getPage()) : pg;
        String type = e.getStructureType();
        StringBuilder attrs = new StringBuilder();
        if (e.getAlternateDescription() != null) attrs.append(" Alt=\"").append(e.getAlternateDescription()).append('"');
        if (e.getActualText() != null) attrs.append(" ActualText=\"").append(e.getActualText()).append('"');
        if (e.getLanguage() != null) attrs.append(" Lang=").append(e.getLanguage());
        if (e.getTitle() != null) attrs.append(" T=").append(e.getTitle());
        COSBase a = e.getCOSObject().getDictionaryObject(COSName.A);
        if (a != null) attrs.append(" A=").append(attrString(a));
        int at = tree.length();
        tree.append(ind).append(type).append(attrs).append(" [p").append(p + 1).append("]\n");
        StringBuilder text = new StringBuilder();
        List<String> cells = new ArrayList<>();
        for (Object kid : e.getKids()) {
            String t = node(kid, depth + 1, e, p);
            if (kid instanceof PDStructureElement ke && (ke.getStructureType().equals("TD") || ke.getStructureType().equals("TH"))) cells.add(ke.getStructureType());
            text.append(t);
        }
        String txt = text.toString();
        if (type.matches("H[1-6]?")) headings.add(type + " p" + (p + 1) + ": " + txt.strip());
        if (type.equals("TR")) tree.append(ind).append("  = ").append(cells.size()).append(" cells ").append(cells).append('\n');
        if (type.equals("Figure") && e.getAlternateDescription() == null && e.getActualText() == null) findings.add("DEFECT Figure without Alt p" + (p + 1));
        if (type.equals("TH") && a == null) findings.add("TH without attributes p" + (p + 1) + ": " + clip(txt, 40));
        if (type.matches("P|H[1-6]?|TH|TD|Lbl|LBody|Caption|Figure")) reading.append(type).append(": ").append(txt.strip()).append('\n');
        tree.insert(tree.indexOf("\n", at), "  «" + clip(txt.strip(), 120) + "»");
        String sep = type.matches("P|H[1-6]?|TD|TH|LI|TR|Div|Table|L|Sect|Document|Part|Caption|Figure") ? "\n" : "";
        return e.getActualText() != null ? e.getActualText() + sep : txt + sep;
    }

    static String attrString(COSBase a) {
        if (a instanceof COSObject o) a = o.getObject();
        if (a instanceof COSDictionary d) {
            StringBuilder sb = new StringBuilder("{");
            for (var en : d.entrySet()) sb.append(en.getKey().getName()).append('=').append(en.getValue() instanceof COSName n ? n.getName() : String.valueOf(en.getValue())).append(' ');
            return sb.append('}').toString();
        }
        if (a instanceof COSArray arr) {
            StringBuilder sb = new StringBuilder("[");
            for (COSBase x : arr) sb.append(attrString(x));
            return sb.append(']').toString();
        }
        return String.valueOf(a);
    }

    static String mc(int p, int mcid) {
        mcUsed.computeIfAbsent(p, x -> new HashSet<>()).add(mcid);
        String t = mcText.getOrDefault(p, Map.of()).get(mcid);
        return t == null ? "" : t;
    }
}
