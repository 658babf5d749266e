package io.innercircle.bundle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.innercircle.bundle.internal.BundleProblem.Code;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a bundle may be imported: the JSON Schema (draft 2020-12) first, then the rules the schema
 * cannot express ({@link BundleRules}). Both always run in full, so the caller gets every problem in one go
 * instead of fixing them one round trip at a time.
 */
@Component
public class BundleValidator {

    public static final String SCHEMA = "classpath:bundle/map-bundle-v1.schema.json";

    private static final String KEY_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";
    private static final String CURRENCY_PATTERN = "^[A-Z]{3}$";

    private final ObjectMapper mapper;
    private final JsonSchema schema;

    public BundleValidator(@Qualifier("bundleObjectMapper") ObjectMapper mapper) {
        this.mapper = mapper;
        // Format assertions are off by default in 2020-12; without them "2026-02-30" would pass as a date and
        // then fail inside the write transaction with a database error instead of a pointer.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        // Loaded by location rather than from a stream: the schema's relative $id needs a base URI to resolve.
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(SCHEMA), config);
        this.schema.initializeValidators();
    }

    /** Every problem with the bundle, schema violations first, in document order within each kind. */
    public List<BundleProblem> problems(JsonNode bundle) {
        List<BundleProblem> problems = new ArrayList<>(schemaProblems(bundle));
        problems.addAll(new BundleRules(bundle).check());
        return problems;
    }

    /** The bundle as records, or a {@link BundleRejectedException} naming every problem. */
    public Bundle check(JsonNode bundle) {
        List<BundleProblem> problems = problems(bundle);
        if (!problems.isEmpty()) {
            throw new BundleRejectedException(problems);
        }
        try {
            return mapper.treeToValue(bundle, Bundle.class);
        } catch (JsonProcessingException e) {
            // The schema fixes every field's type, so binding cannot fail on a bundle that passed it.
            throw new IllegalStateException("A valid bundle did not bind to the records", e);
        }
    }

    List<BundleProblem> schemaProblems(JsonNode bundle) {
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(bundle));
        // "reportsTo" is oneOf(key, null). A bad key makes the library report the oneOf itself, the failed
        // pattern and "null expected"; only the pattern says anything useful, so the other two are dropped
        // whenever a more specific message for the same place exists.
        Set<String> specific = messages.stream()
                .filter(m -> !isOneOfNoise(m))
                .map(m -> m.getInstanceLocation().toString())
                .collect(Collectors.toSet());
        Set<BundleProblem> problems = new LinkedHashSet<>();
        for (ValidationMessage m : messages) {
            if (isOneOfNoise(m) && specific.contains(m.getInstanceLocation().toString())) {
                continue;
            }
            problems.add(translate(m));
        }
        return new ArrayList<>(problems);
    }

    private static boolean isOneOfNoise(ValidationMessage m) {
        if ("oneOf".equals(m.getType())) {
            return true;
        }
        return "type".equals(m.getType()) && m.getEvaluationPath().toString().contains("/oneOf/")
                && m.getArguments().length > 1 && "null".equals(String.valueOf(m.getArguments()[1]));
    }

    /** The library's messages name regexes and schema keywords; these say the same in the user's terms. */
    private static BundleProblem translate(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        JsonNode value = m.getInstanceNode();
        String type = m.getType();
        return switch (type) {
            case "required" -> new BundleProblem(at + "/" + escape(m.getProperty()), Code.REQUIRED,
                    "'" + m.getProperty() + "' is required here but missing");
            case "additionalProperties" -> new BundleProblem(at + "/" + escape(m.getProperty()), Code.UNKNOWN_FIELD,
                    "'" + m.getProperty() + "' is not a field the bundle format knows here");
            case "enum" -> new BundleProblem(at, Code.NOT_ALLOWED,
                    "must be one of " + choices(args) + ", not " + shown(value));
            case "const" -> new BundleProblem(at, Code.NOT_ALLOWED, "must be \"" + arg(args, 0) + "\"");
            case "type" -> new BundleProblem(at, Code.WRONG_TYPE, "must be " + article(arg(args, 1)) + ", not "
                    + article(arg(args, 0)));
            case "minimum" -> new BundleProblem(at, Code.OUT_OF_RANGE,
                    "must be at least " + arg(args, 0) + ", not " + shown(value));
            case "maximum" -> new BundleProblem(at, Code.OUT_OF_RANGE,
                    "must be at most " + arg(args, 0) + ", not " + shown(value));
            case "minLength" -> "1".equals(arg(args, 0))
                    ? new BundleProblem(at, Code.WRONG_LENGTH, "must not be empty")
                    : new BundleProblem(at, Code.WRONG_LENGTH, "must be at least " + arg(args, 0) + " characters long");
            case "maxLength" -> new BundleProblem(at, Code.WRONG_LENGTH, "must be at most " + arg(args, 0)
                    + " characters long, but has " + (value != null && value.isTextual()
                    ? value.asText().codePointCount(0, value.asText().length()) : "more"));
            case "minItems" -> new BundleProblem(at, Code.WRONG_COUNT, "must have at least " + arg(args, 0) + " item"
                    + ("1".equals(arg(args, 0)) ? "" : "s") + ", but has " + arg(args, 1));
            case "maxItems" -> new BundleProblem(at, Code.WRONG_COUNT, "must have at most " + arg(args, 0) + " item"
                    + ("1".equals(arg(args, 0)) ? "" : "s") + ", but has " + arg(args, 1));
            case "uniqueItems" -> new BundleProblem(at, Code.REPEATED_VALUE, "must not list the same value twice");
            case "pattern" -> new BundleProblem(at, Code.WRONG_FORMAT, pattern(arg(args, 0), value));
            case "format" -> new BundleProblem(at, Code.WRONG_FORMAT,
                    "must be a real calendar date written YYYY-MM-DD, not "
                    + shown(value));
            case "oneOf" -> new BundleProblem(at, Code.INVALID, "must be a key or null, not " + shown(value));
            default -> new BundleProblem(at, Code.INVALID, m.getError());
        };
    }

    private static String pattern(String regex, JsonNode value) {
        if (KEY_PATTERN.equals(regex)) {
            return "must be a key: 1 to 64 letters, digits, '.', '_', ':' or '-', not " + shown(value);
        }
        if (CURRENCY_PATTERN.equals(regex)) {
            return "must be a three-letter ISO currency code in capitals such as USD, not " + shown(value);
        }
        return "does not have the expected form (" + regex + "): " + shown(value);
    }

    private static String choices(Object[] args) {
        String list = arg(args, 0).replaceAll("[\\[\\]\"]", "");
        List<String> items = Arrays.stream(list.split(",")).map(String::trim).toList();
        return String.join(", ", items);
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "array" -> "an array";
            case "object" -> "an object";
            case "null" -> "null";
            default -> type;
        };
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "that";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String arg(Object[] args, int i) {
        return args.length > i ? String.valueOf(args[i]) : "";
    }

    /** RFC 6901: '~' and '/' inside a property name must be escaped in a pointer. */
    static String escape(String name) {
        return name == null ? "" : name.replace("~", "~0").replace("/", "~1");
    }
}
