package dev.sessionledger.upstream;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** A servlet filter before the MCP endpoint that keeps a {@link McpUpstream.Seen} of every request. */
final class SeenRequests implements Filter {

    private static final String NAME = "seen";

    private final List<McpUpstream.Seen> seen = new CopyOnWriteArrayList<>();

    void installIn(Context context) {
        FilterDef filter = new FilterDef();
        filter.setFilterName(NAME);
        filter.setFilter(this);
        filter.setAsyncSupported("true");
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName(NAME);
        map.addURLPattern("/*");
        context.addFilterMap(map);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        seen.add(new McpUpstream.Seen(http.getMethod(), http.getHeader("Authorization"), http.getHeader("X-Api-Key"),
                http.getHeader("Mcp-Session-Id")));
        chain.doFilter(request, response);
    }

    List<McpUpstream.Seen> all() {
        return List.copyOf(seen);
    }
}
