package io.wellbase.care.internal.assessments;

import io.wellbase.care.internal.assessments.Instrument.Band;
import io.wellbase.care.internal.assessments.Instrument.Item;
import io.wellbase.care.internal.assessments.Instrument.Option;
import java.util.List;
import java.util.Optional;

/**
 * The built-in instruments: PHQ-9 (depression), GAD-7 (anxiety) and WHO-5 (wellbeing), with the scoring and
 * bands their authors published (Kroenke, Spitzer &amp; Williams 2001; Spitzer et al. 2006; Topp et al. 2015).
 */
final class Instruments {

    /** PHQ-9's ninth item asks about thoughts of self-harm: any answer above 0 is routed to a counselor. */
    static final int PHQ9_SELF_HARM_ITEM = 9;

    private static final List<Option> FREQUENCY = List.of(
            new Option(0, "Not at all"),
            new Option(1, "Several days"),
            new Option(2, "More than half the days"),
            new Option(3, "Nearly every day"));

    static final Instrument PHQ9 = new Instrument(
            "phq9",
            "Patient Health Questionnaire (PHQ-9)",
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
            "44249-1",
            "44261-6",
            List.of(
                    new Item(1, "Little interest or pleasure in doing things", "44250-9"),
                    new Item(2, "Feeling down, depressed, or hopeless", "44255-8"),
                    new Item(3, "Trouble falling or staying asleep, or sleeping too much", "44259-0"),
                    new Item(4, "Feeling tired or having little energy", "44254-1"),
                    new Item(5, "Poor appetite or overeating", "44251-7"),
                    new Item(
                            6,
                            "Feeling bad about yourself — or that you are a failure or have let yourself or your family"
                                    + " down",
                            "44258-2"),
                    new Item(
                            7,
                            "Trouble concentrating on things, such as reading the newspaper or watching television",
                            "44252-5"),
                    new Item(
                            8,
                            "Moving or speaking so slowly that other people could have noticed; or the opposite — being"
                                    + " so fidgety or restless that you have been moving around a lot more than usual",
                            "44253-3"),
                    new Item(
                            9,
                            "Thoughts that you would be better off dead or of hurting yourself in some way",
                            "44260-8")),
            FREQUENCY,
            1,
            List.of(
                    new Band(0, 4, "minimal", "Minimal"),
                    new Band(5, 9, "mild", "Mild"),
                    new Band(10, 14, "moderate", "Moderate"),
                    new Band(15, 19, "moderately_severe", "Moderately severe"),
                    new Band(20, 27, "severe", "Severe")),
            "Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-13",
            true);

    static final Instrument GAD7 = new Instrument(
            "gad7",
            "Generalized Anxiety Disorder (GAD-7)",
            "Over the last 2 weeks, how often have you been bothered by the following problems?",
            "69737-5",
            "70274-6",
            List.of(
                    new Item(1, "Feeling nervous, anxious, or on edge", "69725-0"),
                    new Item(2, "Not being able to stop or control worrying", "68509-9"),
                    new Item(3, "Worrying too much about different things", "69733-4"),
                    new Item(4, "Trouble relaxing", "69734-2"),
                    new Item(5, "Being so restless that it is hard to sit still", "69735-9"),
                    new Item(6, "Becoming easily annoyed or irritable", "69689-8"),
                    new Item(7, "Feeling afraid, as if something awful might happen", "69736-7")),
            FREQUENCY,
            1,
            List.of(
                    new Band(0, 4, "minimal", "Minimal"),
                    new Band(5, 9, "mild", "Mild"),
                    new Band(10, 14, "moderate", "Moderate"),
                    new Band(15, 21, "severe", "Severe")),
            "Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092-7",
            true);

    static final Instrument WHO5 = new Instrument(
            "who5",
            "WHO-5 Well-Being Index",
            "Over the last two weeks:",
            null,
            null,
            List.of(
                    new Item(1, "I have felt cheerful and in good spirits", null),
                    new Item(2, "I have felt calm and relaxed", null),
                    new Item(3, "I have felt active and vigorous", null),
                    new Item(4, "I woke up feeling fresh and rested", null),
                    new Item(5, "My daily life has been filled with things that interest me", null)),
            List.of(
                    new Option(0, "At no time"),
                    new Option(1, "Some of the time"),
                    new Option(2, "Less than half of the time"),
                    new Option(3, "More than half of the time"),
                    new Option(4, "Most of the time"),
                    new Option(5, "All of the time")),
            4,
            List.of(
                    new Band(0, 28, "likely_depression", "Low, suggests depression; consider a PHQ-9"),
                    new Band(29, 50, "poor", "Poor wellbeing; consider a PHQ-9"),
                    new Band(51, 100, "good", "Good wellbeing")),
            "Topp CW, Østergaard SD, Søndergaard S, Bech P. Psychother Psychosom 2015;84:167-76",
            true);

    static final List<Instrument> ALL = List.of(PHQ9, GAD7, WHO5);

    private Instruments() {}

    static Optional<Instrument> of(String code) {
        return ALL.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
