package io.innercircle.activity.internal;

/** The schema's {@code ActivityFileInput}: one uploaded file. */
record ActivityFileInput(String name, String content) {}
