package dev.authpack.casefile;

/** Other treatments a patient may be receiving now, which some payers exclude alongside esketamine. */
public enum ConcurrentTherapy {
    ECT, TMS, VNS, DBS, KETAMINE
}
