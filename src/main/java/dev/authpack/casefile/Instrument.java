package dev.authpack.casefile;

/** Depression rating scales and the range of their total score. */
public enum Instrument {
    PHQ9(27), MADRS(60), HAMD17(52), QIDS_C16(27), BDI2(63);

    private final int maxScore;

    Instrument(int maxScore) {
        this.maxScore = maxScore;
    }

    public int maxScore() {
        return maxScore;
    }
}
