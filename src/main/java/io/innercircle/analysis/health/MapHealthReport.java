package io.innercircle.analysis.health;

import java.util.List;

/** Every health warning for one deal, most severe first. */
public record MapHealthReport(String dealKey, List<HealthWarning> warnings) {

    public MapHealthReport {
        warnings = List.copyOf(warnings);
    }

    public List<HealthWarning> withCode(WarningCode code) {
        return warnings.stream().filter(w -> w.code() == code).toList();
    }

    public boolean has(WarningCode code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }
}
