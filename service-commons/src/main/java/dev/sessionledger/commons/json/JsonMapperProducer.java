package dev.sessionledger.commons.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one {@link ObjectMapper} of a service, built on {@link CheckedJsonFactory} and bounded in
 * what it reads; every {@link ObjectMapperCustomizer} (Quarkus' own, which apply
 * {@code quarkus.jackson.*}, among them) is applied as the platform's producer would.
 */
public class JsonMapperProducer {

    /** Deeper than any JSON-RPC payload or filter needs; a deeper body is refused before it costs stack. */
    public static final int MAX_NESTING_DEPTH = 64;

    @Produces
    @Singleton
    ObjectMapper objectMapper(Instance<ObjectMapperCustomizer> customizers) {
        CheckedJsonFactory factory = new CheckedJsonFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        ObjectMapper mapper = new ObjectMapper(factory);
        List<ObjectMapperCustomizer> ordered = new ArrayList<>();
        customizers.forEach(ordered::add);
        Collections.sort(ordered);
        ordered.forEach(c -> c.customize(mapper));
        return mapper;
    }
}
