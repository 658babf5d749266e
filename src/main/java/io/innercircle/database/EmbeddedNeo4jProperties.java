package io.innercircle.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the in-process Neo4j that runs when no external Neo4j URI is configured.
 *
 * @param dataDirectory where the database files live; survives restarts
 * @param boltPort      Bolt port on 127.0.0.1; 0 picks a free one (set 7687 to browse with Neo4j tools)
 * @param pageCache     Neo4j page cache size, e.g. "256m"
 */
@ConfigurationProperties("innercircle.embedded")
public record EmbeddedNeo4jProperties(String dataDirectory, Integer boltPort, String pageCache) {

    public EmbeddedNeo4jProperties {
        dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? "./data" : dataDirectory;
        boltPort = boltPort == null ? 0 : boltPort;
        pageCache = pageCache == null || pageCache.isBlank() ? "256m" : pageCache;
    }
}
