import java.io.*;
import java.nio.file.*;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.*;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.*;
public class Vera {
  public static void main(String[] a) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    for (String fl : new String[]{"2b","ua1"}) {
    PDFAFlavour f = PDFAFlavour.fromString(fl);
    for (String p : a) {
      try (PDFAParser parser = Foundries.defaultInstance().createParser(new FileInputStream(p), f);
           PDFAValidator v = Foundries.defaultInstance().createValidator(f, false)) {
        ValidationResult r = v.validate(parser);
        var fails = r.getTestAssertions().stream().filter(x -> x.getStatus()==TestAssertion.Status.FAILED)
          .map(x -> x.getRuleId().getClause()+"-"+x.getRuleId().getTestNumber()).distinct().toList();
        System.out.println(fl + " " + Paths.get(p).getFileName() + " " + (fails.isEmpty() ? "PASS" : "FAIL " + fails));
      }
    }}
  }
}
