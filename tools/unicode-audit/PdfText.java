import java.io.File;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Prints the text PDFBox extracts from each PDF named on the command line, one file after another. */
public class PdfText {
    public static void main(String[] args) throws Exception {
        for (String name : args) {
            try (PDDocument doc = Loader.loadPDF(new File(name))) {
                System.out.print(new PDFTextStripper().getText(doc));
            }
            System.out.print("\f\u0000" + name + "\n");
        }
    }
}
