package org.roundtable.summary;

/**
 * A summary as pages show it: its text as safe HTML, when it was updated and by whom, and where its earlier
 * versions are.
 */
public record SummaryView(String html, String updatedIso, String updated, String writtenBy, String historyPath) {}
