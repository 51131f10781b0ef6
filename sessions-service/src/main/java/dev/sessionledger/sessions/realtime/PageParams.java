package dev.sessionledger.sessions.realtime;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.QueryStrings;

/**
 * The paging parameters of a RealtimeKit list, declared for the OpenAPI document. A list declares
 * its own {@code sort_order}, whose default differs between lists. Each is bound as a list, so
 * that a second value is refused rather than silently dropped.
 */
public abstract class PageParams {

    @QueryParam("page_no")
    @Parameter(description = "The page number, from 1.", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = "" + PageRequest.MAX_PAGE_NO, defaultValue = "1"))
    public List<String> pageNo;

    @QueryParam("per_page")
    @Parameter(description = "Number of results per page.", schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = "" + PageRequest.MAX_PER_PAGE, defaultValue = "" + PageRequest.DEFAULT_PER_PAGE))
    public List<String> perPage;

    /** The page asked for, in the direction {@code sortOrder} names ({@code ASC} or {@code DESC}). */
    protected PageRequest page(List<String> sortOrder, boolean defaultAscending) {
        int page = QueryValues.number("page_no", pageNo, 1, 1, PageRequest.MAX_PAGE_NO);
        int size = QueryValues.number("per_page", perPage, PageRequest.DEFAULT_PER_PAGE, 1, PageRequest.MAX_PER_PAGE);
        String order = QueryStrings.single("sort_order", sortOrder);
        boolean ascending = defaultAscending;
        if (order != null) {
            ascending = switch (order) {
                case "ASC" -> true;
                case "DESC" -> false;
                default -> throw Failure.invalid("sort_order", "must be ASC or DESC");
            };
        }
        return new PageRequest(page, size, ascending);
    }
}
