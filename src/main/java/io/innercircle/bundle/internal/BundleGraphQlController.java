package io.innercircle.bundle.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetchingEnvironment;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.Account;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Map;

/**
 * {@code exportBundle} and {@code importBundle} (graphql-schema/bundle.graphqls). A refused bundle is not a
 * payload: it comes back as one GraphQL error per problem, classification BAD_REQUEST with the JSON pointer in
 * {@code extensions.pointer} (see {@link BundleGraphQlErrors}), and {@code data.importBundle} is null.
 */
@Controller
class BundleGraphQlController {

    private final BundleImporter importer;
    private final BundleExporter exporter;
    private final ObjectMapper mapper;
    private final DataSize maxSize;

    BundleGraphQlController(BundleImporter importer, BundleExporter exporter,
                            @Qualifier("bundleObjectMapper") ObjectMapper mapper,
                            @Value("${innercircle.bundle.max-size:20MB}") DataSize maxSize) {
        this.importer = importer;
        this.exporter = exporter;
        this.mapper = mapper;
        this.maxSize = maxSize;
    }

    /**
     * @param account  the map feature's account record, so that all of {@code Account}'s fields resolve on it
     * @param problems always empty: a refused bundle is reported as errors, not as a payload
     */
    record ImportBundlePayload(Account account, boolean merged, List<BundleProblem> problems,
                               Bundle.Counts counts) {
    }

    @QueryMapping
    Map<String, Object> exportBundle(@Argument String account) {
        Bundle bundle = exporter.export(account).orElseThrow(() -> new NotFoundException("account", "account",
                account));
        // A plain map, not a Jackson 2 tree: Boot writes GraphQL responses with Jackson 3, which does not know
        // Jackson 2 nodes. The map keeps the bundle's field order.
        return mapper.convertValue(bundle, Bundle.MAP_TYPE);
    }

    @MutationMapping
    ImportBundlePayload importBundle(DataFetchingEnvironment env, @Argument Boolean merge) {
        // Read raw: the JSON scalar hands over whatever the client sent (object, list, string...), and a
        // non-object should be refused by the schema check with a pointer, not by argument binding.
        JsonNode tree = mapper.valueToTree(env.getArgument("bundle"));
        checkSize(tree);
        ImportResult result = importer.importBundle(tree, Boolean.TRUE.equals(merge));
        return new ImportBundlePayload(result.account(), result.merged(), List.of(), result.counts());
    }

    /** The same limit as the REST endpoint, measured on the bundle as compact JSON. */
    private void checkSize(JsonNode tree) {
        long size;
        try {
            size = mapper.writeValueAsBytes(tree).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed bundle could not be written back as JSON", e);
        }
        if (size > maxSize.toBytes()) {
            throw new BundleRejectedException(BundleRestController.tooLarge(size, maxSize.toBytes()));
        }
    }
}
