package io.innercircle.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Neo4j URI is configured, so the app has to bring its own database. */
public class NoExternalNeo4jCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEmbedded(context.getEnvironment());
    }

    /** Whether the app runs its own in-process Neo4j (no URI configured) rather than an external one. */
    public static boolean isEmbedded(PropertyResolver properties) {
        String uri = properties.getProperty("spring.neo4j.uri");
        return uri == null || uri.isBlank();
    }
}
