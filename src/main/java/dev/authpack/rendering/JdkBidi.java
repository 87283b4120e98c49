package dev.authpack.rendering;

import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;
import java.text.Bidi;
import java.util.List;

/**
 * The bidirectional algorithm for openhtmltopdf, from the JDK ({@link VisualOrder}): without one it
 * lays every run out left to right, and a Hebrew or Arabic name in the documents reads backwards.
 * (openhtmltopdf's own support module would bring ICU4J, over 10 MB, for the same algorithm.) Arabic
 * is not shaped here ({@link #shapeText} leaves it as it is): the letters stand in the right order but
 * are not joined.
 */
final class JdkBidi implements BidiSplitterFactory, BidiReorderer {

    @Override
    public BidiSplitter createBidiSplitter() {
        return new Splitter();
    }

    @Override
    public String reorderRTLTextToLTR(String text) {
        return VisualOrder.reversed(text);
    }

    @Override
    public String shapeText(String text) {
        return text;
    }

    @Override
    public String deshapeText(String text) {
        return text;
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    private static final class Splitter implements BidiSplitter {

        private List<VisualOrder.Run> runs = List.of();

        @Override
        public void setParagraph(String paragraph, byte defaultDirection) {
            // the documents are left-to-right: a paragraph that opens with a Hebrew name stays one
            int direction = defaultDirection == RTL ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT;
            runs = VisualOrder.runs(paragraph, direction);
        }

        @Override
        public int countTextRuns() {
            return runs.size();
        }

        @Override
        public BidiTextRun getVisualRun(int runIndex) {
            VisualOrder.Run run = runs.get(runIndex);
            return new BidiTextRun(run.start(), run.length(), run.rightToLeft() ? RTL : LTR);
        }

        /** The direction of the first letter with a direction of its own; neutral when there is none. */
        @Override
        public byte getBaseDirection(String paragraph) {
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                byte d = Character.getDirectionality(cp);
                if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                    return LTR;
                }
                if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    return RTL;
                }
                i += Character.charCount(cp);
            }
            return NEUTRAL;
        }
    }
}
