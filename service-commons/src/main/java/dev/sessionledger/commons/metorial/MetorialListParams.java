package dev.sessionledger.commons.metorial;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.ids.IdPrefix;

/**
 * The paging parameters of a Metorial list, declared for the endpoint ({@code @BeanParam}) so that
 * the OpenAPI document lists them. Each is bound as a list, so that a second value is refused
 * rather than silently dropped.
 */
public class MetorialListParams {

    @QueryParam("limit")
    @Parameter(description = "How many items a page holds.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public List<String> limit;

    @QueryParam("order")
    @Parameter(description = "The order of the items, by id (which is creation order).",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "asc", "desc" }, defaultValue = "asc"))
    public List<String> order;

    @QueryParam("after")
    @Parameter(description = "An item's id: the page holds the items after it. Wins over before and cursor.",
            schema = @Schema(type = SchemaType.STRING))
    public List<String> after;

    @QueryParam("before")
    @Parameter(description = "An item's id: the page holds the items before it. Wins over cursor.",
            schema = @Schema(type = SchemaType.STRING))
    public List<String> before;

    @QueryParam(MetorialCursor.PARAMETER)
    @Parameter(description = "An opaque cursor a page of this list handed out.", schema = @Schema(type = SchemaType.STRING))
    public List<String> cursor;

    /** The request these parameters make, for a list of ids with {@code prefix}. */
    public MetorialListRequest toRequest(IdPrefix prefix) {
        return MetorialListRequest.of(limit, order, after, before, cursor, prefix.text());
    }
}
