package io.innercircle.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import java.time.Duration;
import java.util.List;

/**
 * The web app and GraphiQL are static files (src/main/resources/static); these mappings give them clean addresses,
 * since the static resource handler does not serve a folder's index.html, and serve this build's files (see
 * {@link StaticAssets}) to be kept by the browser.
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

    /** Kept by the browser only (the files are served to signed-in users), never asked for again. */
    private static final CacheControl KEEP = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
    /** Another build's address: answered with this build's file, but asked about again next time. */
    private static final CacheControl CHECK = CacheControl.noCache().cachePrivate();

    private final StaticAssets assets;

    WebPages(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/app/");
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
        // The sign-in page (form login posts to /login; Spring Security handles that POST).
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/graphiql/").setViewName("forward:/graphiql/index.html");
    }

    /**
     * This build's addresses are kept for a year. Another build's (during a rolling upgrade, a page from an instance
     * on another build asks this one) get this build's file, to be checked again: never a 404 that breaks the page,
     * and never a year-long copy of one build's file under another build's address.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assets.appPrefix() + "**")
                .addResourceLocations(StaticAssets.APP_FILES)
                .setCacheControl(KEEP);
        registry.addResourceHandler("/app/v-*/**")
                .addResourceLocations(StaticAssets.APP_FILES)
                .setCacheControl(CHECK)
                .resourceChain(false)
                .addResolver(new AnyBuild());
        // Version-agnostic WebJar addresses (/webjars/v-…/cytoscape/dist/…), as the unversioned /webjars/ has.
        registry.addResourceHandler(assets.webjarPrefix() + "**")
                .addResourceLocations(StaticAssets.WEBJAR_FILES)
                .setCacheControl(KEEP)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        // Not cached: the cache is keyed by the address, and other builds' addresses are as many as clients make up.
        registry.addResourceHandler("/webjars/v-*/**")
                .addResourceLocations(StaticAssets.WEBJAR_FILES)
                .setCacheControl(CHECK)
                .resourceChain(false)
                .addResolver(new AnyBuild())
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** Drops the build's folder ({@code v-…/}) from the path: another build's address finds this build's file. */
    private static final class AnyBuild extends AbstractResourceResolver {

        @Override
        protected Resource resolveResourceInternal(HttpServletRequest request, String path,
                                                   List<? extends Resource> locations, ResourceResolverChain chain) {
            int slash = path.indexOf('/');
            return slash < 0 ? null : chain.resolveResource(request, path.substring(slash + 1), locations);
        }

        @Override
        protected String resolveUrlPathInternal(String path, List<? extends Resource> locations,
                                                ResourceResolverChain chain) {
            return null;
        }
    }
}
