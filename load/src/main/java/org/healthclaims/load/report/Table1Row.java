package org.healthclaims.load.report;

/** One line of the verdict table: a metric of Table 1 for one class, its limits, what the run measured, the verdict. */
record Table1Row(String metric, String target, String threshold, String measured, Verdict verdict) {}
