package dev.sessionledger.sessions.realtime.summary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The built-in summarizer: keeps the sentences richest in the meeting's most frequent content
 * words (Luhn's method). Deterministic, needs no external service, and reads the transcript twice
 * as a stream: once to count words, once to keep the best sentences in a bounded heap.
 */
@ApplicationScoped
public class ExtractiveSummarizer implements TranscriptSummarizer {

    public static final String NAME = "extractive";

    /** Shorter sentences ("Yes.", "Sounds good.") carry no content worth keeping. */
    static final int MIN_WORDS = 4;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "are", "but", "not", "you", "all",
            "any", "can", "had", "her", "was", "one", "our", "out", "has", "have", "him", "his", "how", "its",
            "may", "new", "now", "see", "who", "did", "get", "got", "let", "say", "she", "too", "use", "that",
            "this", "with", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when",
            "make", "like", "just", "know", "take", "into", "your", "some", "could", "them", "than", "then",
            "also", "well", "only", "very", "even", "want", "because", "these", "those", "were", "been", "being",
            "does", "doing", "should", "we're", "i'm", "it's", "that's", "don't", "yeah", "okay", "right",
            "think", "going", "really", "thing", "things", "here", "where", "more", "much", "yes", "lot");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TranscriptSummary.Highlight> summarize(Transcript transcript, int maxSentences) throws IOException {
        Map<String, Integer> frequency = new HashMap<>();
        int[] sentences = { 0 };
        transcript.forEach(line -> {
            for (String sentence : SENTENCE_END.split(line.text().trim())) {
                if (!sentence.isBlank()) {
                    sentences[0]++;
                    contentWords(sentence).forEach(w -> frequency.merge(w, 1, Integer::sum));
                }
            }
        });
        if (sentences[0] == 0) {
            return List.of();
        }
        int top = frequency.values().stream().max(Integer::compare).orElse(1);
        int keep = Math.max(1, Math.min(maxSentences, (sentences[0] + 4) / 5));
        Comparator<Candidate> worstFirst = Comparator.comparingDouble(Candidate::score)
                .thenComparing(Comparator.comparingInt(Candidate::position).reversed());
        PriorityQueue<Candidate> best = new PriorityQueue<>(worstFirst);
        int[] position = { 0 };
        transcript.forEach(line -> {
            for (String sentence : SENTENCE_END.split(line.text().trim())) {
                if (sentence.isBlank()) {
                    continue;
                }
                Candidate c = new Candidate(position[0]++, score(sentence, frequency, top), line.name(),
                        line.startMs(), sentence.trim());
                best.add(c);
                if (best.size() > keep) {
                    best.poll();
                }
            }
        });
        List<Candidate> chosen = new ArrayList<>(best);
        chosen.sort(Comparator.comparingInt(Candidate::position));
        return chosen.stream().map(c -> new TranscriptSummary.Highlight(c.speaker(), c.startMs(), c.text())).toList();
    }

    /**
     * The relative frequencies of a sentence's content words, damped by the square root of its
     * length so neither one-liners nor rambles win; too-short sentences rank below every real one.
     */
    private static double score(String sentence, Map<String, Integer> frequency, int top) {
        int words = 0;
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            words++;
        }
        double sum = contentWords(sentence).stream().mapToDouble(w -> frequency.getOrDefault(w, 0) / (double) top)
                .sum();
        double score = sum / Math.sqrt(Math.max(1, words));
        return words < MIN_WORDS ? score - 1000 : score;
    }

    private static List<String> contentWords(String sentence) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private record Candidate(int position, double score, String speaker, long startMs, String text) {
    }
}
