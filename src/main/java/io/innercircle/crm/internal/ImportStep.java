package io.innercircle.crm.internal;

/** One phase of an import (read, check, write) with the rows it handled and the time it took. */
public record ImportStep(String name, int rows, long millis) {
}
