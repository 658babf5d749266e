package io.innercircle.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.innercircle.api.InvalidInputException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal API tokens: a random secret shown once, kept in Neo4j only as its SHA-256 hash, so that a copy of the
 * database yields no usable token. A token acts as the user who made it: a configured user with their current
 * roles and team (a removed user's tokens stop working), or a JWT user with the roles and team their JWT had
 * when they made the token. A token found is trusted for {@code innercircle.security.sign-in.token-cache-ttl}
 * (2 s) before its hash is looked up again: a busy script pays the database round trip (a few milliseconds on
 * an embedded Neo4j under load) once per period instead of on every call. A revoked token is refused at once by
 * the instance that revoked it, and by the others once their entry expires.
 */
@Component
public class ApiTokens {

    /** Tells API tokens apart from OIDC JWTs (which never start with it: a JWT starts with "ey"). */
    public static final String PREFIX = "ic_";
    static final int MAX_PER_USER = 50;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as its owner sees it in a list: never the secret, never the hash. */
    public record ApiToken(String id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {}

    /** The answer to creating a token: the secret, this once. */
    public record CreatedApiToken(String token, ApiToken apiToken) {}

    /** A token found in the database: its id, so that revoking it can forget it here at once. */
    private record Found(String id, AppUser user) {}

    private final Neo4jClient neo4j;
    private final ConfiguredUsers configuredUsers;
    private final Cache<String, Found> found;

    private final Clock clock;

    ApiTokens(Neo4jClient neo4j, ConfiguredUsers configuredUsers, SignInProperties properties, Clock clock) {
        this.clock = clock;
        this.neo4j = neo4j;
        this.configuredUsers = configuredUsers;
        this.found = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.tokenCacheTtl()).build();
    }

    CreatedApiToken create(AppUser user, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("input.name", "give the token a name of 1 to 100 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("name", trimmed);
        params.put("hash", hash(token));
        params.put("username", user.username());
        params.put("configured", configuredUsers.exists(user.username()));
        params.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
        params.put("teamMember", user.teamMember());
        params.put("coaches", List.copyOf(user.coachedTeamMembers()));
        params.put("now", now);
        params.put("max", MAX_PER_USER);
        // The count and the create in one statement, so two requests at once cannot both pass the limit check.
        Optional<Long> created = neo4j.query("""
                        OPTIONAL MATCH (t:ApiToken {username: $username})
                        WITH count(t) AS existing
                        WHERE existing < $max
                        CREATE (n:ApiToken {id: $id, name: $name, hash: $hash, username: $username,
                                            configured: $configured, roles: $roles, teamMember: $teamMember,
                                            coaches: $coaches, createdAt: $now})
                        RETURN existing""")
                .bindAll(params).fetchAs(Long.class).one();
        if (created.isEmpty()) {
            throw new InvalidInputException("input.name", "you already have " + MAX_PER_USER
                    + " tokens; revoke one you no longer use first");
        }
        return new CreatedApiToken(token, new ApiToken(id, trimmed, now, null));
    }

    List<ApiToken> list(String username) {
        return List.copyOf(neo4j.query("""
                        MATCH (t:ApiToken {username: $username})
                        RETURN t.id AS id, t.name AS name, t.createdAt AS createdAt, t.lastUsedAt AS lastUsedAt
                        ORDER BY t.createdAt, t.id""")
                .bind(username).to("username")
                .fetchAs(ApiToken.class)
                .mappedBy((types, r) -> new ApiToken(r.get("id").asString(), r.get("name").asString(),
                        r.get("createdAt").asOffsetDateTime(),
                        r.get("lastUsedAt").isNull() ? null : r.get("lastUsedAt").asOffsetDateTime()))
                .all());
    }

    /** Deletes one of the user's own tokens: false when they have none with that id (another user's, say). */
    boolean revoke(String username, String id) {
        long deleted = neo4j.query("""
                        MATCH (t:ApiToken {id: $id, username: $username})
                        DETACH DELETE t
                        RETURN count(*) AS deleted""")
                .bind(id).to("id").bind(username).to("username")
                .fetchAs(Long.class).one().orElse(0L);
        found.asMap().values().removeIf(f -> f.id().equals(id));
        return deleted > 0;
    }

    /** The user a presented token acts as, or empty when it is unknown, revoked, or its user is gone. */
    Optional<AppUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(token);
        Found cached = found.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached.user());
        }
        Optional<Map<String, Object>> row = neo4j.query("""
                        MATCH (t:ApiToken {hash: $hash})
                        RETURN t.id AS id, t.username AS username, t.configured AS configured, t.roles AS roles,
                               t.teamMember AS teamMember, t.coaches AS coaches,
                               t.lastUsedAt IS NULL OR t.lastUsedAt < $stale AS touch""")
                .bind(hash).to("hash")
                .bind(OffsetDateTime.now(clock).minus(LAST_USED_GRANULARITY)).to("stale")
                .fetch().one();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> t = row.get();
        String username = (String) t.get("username");
        Optional<AppUser> user;
        if (Boolean.TRUE.equals(t.get("configured"))) {
            user = configuredUsers.find(username);
        } else {
            user = Optional.of(new AppUser(username, CurrentUser.roles(t.get("roles")), (String) t.get("teamMember"),
                    Set.copyOf(strings(t.get("coaches")))));
        }
        if (user.isPresent() && Boolean.TRUE.equals(t.get("touch"))) {
            // Written at most once a minute per token, so a busy client does not turn every read into a write.
            neo4j.query("MATCH (t:ApiToken {hash: $hash}) SET t.lastUsedAt = $now")
                    .bind(hash).to("hash").bind(OffsetDateTime.now(clock)).to("now").run();
        }
        user.ifPresent(u -> found.put(hash, new Found((String) t.get("id"), u)));
        return user;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
