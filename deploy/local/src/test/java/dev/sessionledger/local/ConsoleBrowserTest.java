package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console in a real browser (Debian's headless Chromium, driven by its chromedriver) against
 * the whole local stack: the printed sign-in link, an MCP session's paired timeline, a meeting's
 * participant timeline and transcript, a thread paged both ways, a member kept out of a thread,
 * errors said in words, OpenID Connect sign-in with PKCE. Screenshots go to
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {

    private static final Path SHOTS = Path.of("target/console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static TestIssuer issuer;
    private static TestStack stack;
    private static DemoRecording.Recorded demo;
    private static String base;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startStackAndRecordDemo() throws Exception {
        issuer = new TestIssuer(() -> stack.token("ADMIN_TOKEN"));
        stack = TestStack.start(Map.of("CONSOLE_OIDC_ISSUER", issuer.issuer(),
                "CONSOLE_OIDC_CLIENT_ID", TestIssuer.CLIENT_ID));
        // The name the stack gives the browser (PUBLIC_BASE_URL): a secure context, as crypto.subtle needs.
        base = stack.routerUrl().replace("127.0.0.1", "localhost");
        issuer.allowOrigin(base);
        demo = new DemoRecording(stack.routerUrl(), "demo", stack.token("ADMIN_TOKEN"), "demo-member").record();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER);
        // Headless as root in a closed network: no sandbox, no GPU, nothing that calls out.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Chromium.DRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_printed_link_signs_in_and_keeps_the_token_in_the_tab_only() {
        browser.get(LocalStack.consoleSignInLink(base, stack.token("ADMIN_TOKEN")));
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mcp-sessions")));
        assertTrue(list.getText().contains(demo.mcpSession()), list.getText());
        assertTrue(list.getText().contains(demo.endedMcpSession()), list.getText());
        assertFalse(browser.getCurrentUrl().contains("token="), "the token is taken out of the address: " + browser.getCurrentUrl());
        assertEquals(stack.token("ADMIN_TOKEN"), script("return sessionStorage.getItem('sessionledger.token')"));
        assertEquals(0L, script("return localStorage.length"));
        assertEquals("", script("return document.cookie"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-session='" + demo.mcpSession() + "']"));
        assertTrue(row.getText().contains("Claude Desktop 1.4.2"), row.getText());
        assertTrue(row.getText().contains("Everything server"), row.getText());
        long recorded = new LedgerApi(stack.routerUrl(), stack.token("ADMIN_TOKEN")).get("/sessions/" + demo.mcpSession())
                .body().path("usage").path("total_productive_message_count").asLong();
        assertTrue(recorded >= 17, "the demo's 17 messages, and the live test's answer if it ran first: " + recorded);
        assertEquals(String.valueOf(recorded), row.findElements(By.tagName("td")).get(4).getText(), "message count");
        shoot("mcp-sessions");
    }

    @Test
    void an_mcp_session_shows_each_request_paired_with_its_response_and_refreshes_while_open() {
        signIn("ADMIN_TOKEN", "#/mcp");
        // Two clicks: the session in the list, and its messages are there.
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(demo.mcpSession()))).click();
        wait.until(d -> d.findElements(By.cssSelector("#timeline .tl-row")).size() == 10);
        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline .tl-row"));
        assertEquals(List.of("initialize", "notifications/initialized", "tools/list", "tools/call", "tools/call",
                "notifications/progress", "sampling/createMessage", "tools/call", "resources/read", "ping"),
                rows.stream().map(r -> r.getAttribute("data-method")).toList());
        assertEquals("42", rows.get(0).getAttribute("data-latency"), "initialize answered 42 ms later");
        assertEquals("2010", rows.get(4).getAttribute("data-latency"), "the long call, its progress notification in between");
        assertEquals("notification", rows.get(5).getAttribute("data-kind"));
        assertTrue(rows.get(6).getText().contains("server → client"), rows.get(6).getText());
        assertEquals("1400", rows.get(6).getAttribute("data-latency"), "the server's request answered by the client");
        WebElement failed = rows.get(7);
        assertTrue(failed.getAttribute("class").contains("is-error"), failed.getAttribute("class"));
        assertTrue(failed.getText().contains("getWeather") && failed.getText().contains("failed"), failed.getText());
        assertTrue(rows.get(9).getText().contains("no answer"), rows.get(9).getText());
        shoot("mcp-session-timeline");

        // The failed call opens by keyboard, its request and error payloads formatted.
        WebElement toggle = failed.findElement(By.cssSelector("button.tl-head"));
        toggle.sendKeys(Keys.ENTER);
        wait.until(d -> "true".equals(toggle.getAttribute("aria-expanded")));
        WebElement detail = failed.findElement(By.cssSelector(".tl-detail"));
        assertTrue(detail.getText().contains("Unknown tool: getWeather"), detail.getText());
        assertTrue(detail.getText().contains("-32602"), detail.getText());
        assertTrue(detail.getText().contains("\"Oslo\""), detail.getText());
        shoot("mcp-session-payload");

        new Select(browser.findElement(By.id("method-filter"))).selectByValue("tools/call");
        assertEquals(3, browser.findElements(By.cssSelector("#timeline .tl-row")).size());
        browser.findElement(By.id("errors-only")).click();
        assertEquals(List.of("tools/call"), browser.findElements(By.cssSelector("#timeline .tl-row")).stream()
                .map(r -> r.getAttribute("data-method")).toList());
        browser.findElement(By.id("errors-only")).click();
        new Select(browser.findElement(By.id("method-filter"))).selectByValue("ping");

        // Live: the ping's answer is recorded now and the open page pairs it without a reload.
        LedgerApi api = new LedgerApi(stack.routerUrl(), stack.token("ADMIN_TOKEN"));
        JsonNode session = api.get("/sessions/" + demo.mcpSession()).body();
        String server = session.path("providers").path(0).path("id").asText();
        LedgerApi.Reply answered = api.post("/sessions/" + demo.mcpSession() + "/messages", Map.of("messages", List.of(Map.of(
                "payload", Map.of("jsonrpc", "2.0", "id", 7, "result", Map.of()),
                "sender", Map.of("type", "server", "id", server), "server_session_id", server,
                "created_at", Instant.now().toString()))));
        assertEquals(201, answered.status(), answered.body().toString());
        wait.until(d -> {
            List<WebElement> ping = d.findElements(By.cssSelector("#timeline .tl-row[data-method='ping']"));
            return ping.size() == 1 && !ping.get(0).getAttribute("data-latency").isEmpty() && ping.get(0).getText().contains("ok");
        });
    }

    @Test
    void a_meeting_shows_its_participants_on_a_timeline_and_its_transcript_by_speaker() {
        signIn("ADMIN_TOKEN", "#/meetings");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meetings")));
        assertTrue(list.getText().contains("Support desk") && list.getText().contains("LIVE"), list.getText());
        browser.findElement(By.linkText("Weekly sync")).click();
        // One bar per peer, drawn by ECharts, each starting further right as the peers joined later.
        List<WebElement> bars = wait.until(d -> {
            List<WebElement> found = bars(d);
            return found.size() == 4 ? found : null;
        });
        List<Double> starts = bars.stream().sorted(Comparator.comparingDouble(b -> b.getRect().getY()))
                .map(b -> (double) b.getRect().getX()).toList();
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) > starts.get(i - 1), "bars in join order: " + starts);
        }
        assertFalse(browser.findElements(By.cssSelector("#concurrency svg")).isEmpty(), "the concurrency chart is drawn");
        WebElement transcript = wait.until(d -> d.findElements(By.cssSelector("#transcript .turn")).size() == 5
                ? d.findElement(By.id("transcript")) : null);
        assertEquals(List.of("Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Ada Lovelace", "Margaret Hamilton"),
                transcript.findElements(By.cssSelector(".turn .speaker")).stream()
                        .map(s -> s.getText().replaceAll("\\s+\\d.*$", "")).toList());
        assertTrue(transcript.getText().contains("Testing needs two more weeks"), transcript.getText());
        WebElement chat = wait.until(d -> d.findElements(By.cssSelector("#chat li")).size() == 4 ? d.findElement(By.id("chat")) : null);
        assertTrue(chat.getText().contains("+1 for mid-March") && !chat.getText().contains("'+1"),
                "chat shown as written, without the download's formula guard: " + chat.getText());
        assertTrue(browser.findElement(By.id("meeting-participants")).getText().contains("Margaret Hamilton"));
        shoot("meeting");

        wait.until(ExpectedConditions.elementToBeClickable(By.id("generate-summary"))).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#summary pre")));
        assertTrue(summary.getText().contains("March"), summary.getText());
    }

    @Test
    void a_thread_pages_both_ways_and_filters_by_the_form() {
        signIn("ADMIN_TOKEN", "#/threads?thread_id=" + demo.thread() + "&limit=5");
        wait.until(d -> participantNames(d).size() == 5);
        List<String> first = participantNames(browser);
        assertTrue(browser.findElement(By.cssSelector("#thread-participants caption")).getText().startsWith("8 participants"));
        browser.findElement(By.linkText("Next")).click();
        wait.until(d -> participantNames(d).size() == 3);
        List<String> second = participantNames(browser);
        assertTrue(second.stream().noneMatch(first::contains), first + " then " + second);
        browser.findElement(By.linkText("Previous")).click();
        wait.until(d -> participantNames(d).equals(first));

        // displayName ilike %a%, sorted by displayName descending: the same rows the API gives.
        new Select(browser.findElement(By.cssSelector("[aria-label='Condition 1 field']"))).selectByValue("displayName");
        new Select(browser.findElement(By.cssSelector("[aria-label='Condition 1 operator']"))).selectByValue("ilike");
        browser.findElement(By.cssSelector("[aria-label='Condition 1 value']")).sendKeys("%a%");
        new Select(browser.findElement(By.cssSelector("[aria-label='Sort key 1 field']"))).selectByValue("displayName");
        new Select(browser.findElement(By.cssSelector("[aria-label='Sort key 1 direction']"))).selectByValue("desc_nulls_last");
        browser.findElement(By.id("run-query")).click();
        String filter = "{\"displayName\":{\"ilike\":\"%a%\"}}";
        String orderBy = "[{\"displayName\":\"desc_nulls_last\"}]";
        JsonNode expected = new LedgerApi(stack.routerUrl(), stack.token("ADMIN_TOKEN")).get("/api/thread-participants?thread_id="
                + demo.thread() + "&limit=5&filter=" + encode(filter) + "&orderBy=" + encode(orderBy)).body();
        List<String> names = expected.path("data").findValuesAsText("displayName");
        assertFalse(names.isEmpty());
        wait.until(d -> participantNames(d).equals(names));
        assertTrue(browser.getCurrentUrl().contains("filter=") && browser.getCurrentUrl().contains("limit=5"), browser.getCurrentUrl());
        shoot("thread");
    }

    @Test
    void a_member_sees_their_thread_but_not_another() {
        signIn("MEMBER_TOKEN", "#/threads?thread_id=" + demo.thread());
        wait.until(d -> participantNames(d).contains("Demo Member"));
        browser.get(base + "/console/#/threads?thread_id=" + demo.privateThread());
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem")));
        assertTrue(problem.getText().matches("(?s).*\\b(403|404)\\b.*\\w+.*"), problem.getText());
        assertTrue(browser.findElements(By.id("thread-participants")).isEmpty(), "no participant of the other thread shown");
        assertFalse(browser.getPageSource().contains("Incident review"));
    }

    @Test
    void api_errors_are_said_in_words_and_pages_fit_a_phone() {
        signIn("ADMIN_TOKEN", "#/mcp/ses_0000000000000000000000");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem")));
        assertTrue(problem.getText().contains("404"), problem.getText());
        assertTrue(problem.getText().length() > 10, problem.getText());

        browser.manage().window().setSize(new Dimension(390, 900));
        browser.get(base + "/console/#/mcp/" + demo.mcpSession());
        wait.until(d -> d.findElements(By.cssSelector("#timeline .tl-row")).size() >= 10);
        long overflow = (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "no sideways scrolling of the page at 390 px: " + overflow + " px too wide");
        shoot("mcp-session-390px");
    }

    @Test
    void signs_in_with_the_configured_issuer_by_authorization_code_and_pkce() {
        browser.get(base + "/console/#/signin");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-oidc"))).click();
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mcp-sessions")));
        assertTrue(list.getText().contains(demo.mcpSession()), list.getText());
        assertEquals(List.of(), issuer.refusals);
        assertFalse(browser.getCurrentUrl().contains("code="), "the code is taken out of the address: " + browser.getCurrentUrl());
    }

    @Test
    void an_answer_from_the_issuer_with_another_state_is_refused_and_no_code_is_exchanged() {
        browser.get(base + "/console/#/signin");
        int asked = issuer.tokenRequests.get();
        issuer.alterNextState();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-oidc"))).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem")));
        assertTrue(problem.getText().contains("not asked for by this tab"), problem.getText());
        assertEquals(asked, issuer.tokenRequests.get(), "the code was not sent to the token endpoint");
        assertEquals(null, script("return sessionStorage.getItem('sessionledger.token')"));
        assertFalse(browser.getCurrentUrl().contains("code="), browser.getCurrentUrl());
    }

    private void signIn(String tokenName, String next) {
        browser.get(base + "/console/#/signin");
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys(stack.token(tokenName));
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElements(By.cssSelector(".who")).size() == 1);
        browser.get(base + "/console/" + next);
    }

    private static List<WebElement> bars(WebDriver driver) {
        return driver.findElements(By.cssSelector("#peer-timeline svg path")).stream()
                .filter(p -> {
                    String fill = String.valueOf(p.getAttribute("fill")).replace(" ", "").toLowerCase();
                    return fill.equals("#2f6fde") || fill.equals("rgb(47,111,222)");
                }).toList();
    }

    private static List<String> participantNames(WebDriver driver) {
        return driver.findElements(By.cssSelector("#thread-participants tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void shoot(String name) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
