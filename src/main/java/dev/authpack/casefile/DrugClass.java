package dev.authpack.casefile;

public enum DrugClass {
    SSRI, SNRI, TCA, MAOI, BUPROPION, MIRTAZAPINE, OTHER_ANTIDEPRESSANT, ATYPICAL_ANTIPSYCHOTIC, LITHIUM, THYROID, BUSPIRONE;

    /**
     * True for the seven antidepressant classes ("any antidepressant class" of the published policies);
     * false for the four augmentation agents, which no policy accepts as the oral antidepressant.
     */
    public boolean antidepressant() {
        return switch (this) {
            case ATYPICAL_ANTIPSYCHOTIC, LITHIUM, THYROID, BUSPIRONE -> false;
            default -> true;
        };
    }
}
