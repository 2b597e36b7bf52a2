package io.wellbase.clients.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Word lists for the demo studio's clients: an international mix of names, as a Berlin studio
 * would have, and the notes and alerts staff write.
 */
final class DemoNames {

    private DemoNames() {}

    static final List<String> FEMALE = List.of(
            "Zoë",
            "Anaïs",
            "Léa",
            "Chloé",
            "Sofia",
            "Emma",
            "Mia",
            "Hannah",
            "Lena",
            "Clara",
            "Marie",
            "Johanna",
            "Charlotte",
            "Amélie",
            "Inès",
            "Maja",
            "Agnieszka",
            "Zuzanna",
            "Katarzyna",
            "Ingrid",
            "Astrid",
            "Freya",
            "Siobhán",
            "Aoife",
            "Niamh",
            "Chiara",
            "Giulia",
            "Francesca",
            "Lucía",
            "Mónica",
            "Carmen",
            "Begoña",
            "Ayşe",
            "Elif",
            "Zeynep",
            "Yuki",
            "Aiko",
            "Mei",
            "Priya",
            "Ananya",
            "Fatima",
            "Leila",
            "Amara",
            "Chiamaka",
            "Olivia",
            "Grace",
            "Isabella",
            "Noémie",
            "Björk",
            "Solveig",
            "Małgorzata",
            "Renée",
            "Daniela",
            "Paula",
            "Laura",
            "Sarah",
            "Julia",
            "Nora",
            "Ida",
            "Greta");

    static final List<String> MALE = List.of(
            "José", "Łukasz", "Jonas", "Felix", "Lukas", "Mateo", "Andrés", "João", "Tomás", "Luca", "Matteo", "Marco",
            "Pierre", "Théo", "Mathis", "Björn", "Lars", "Mikkel", "Oskar", "Paweł", "Jakub", "Dmitri", "Emre",
            "Mehmet", "Kenji", "Hiroshi", "Arjun", "Ravi", "Omar", "Karim", "Kwame", "Chinedu", "Liam", "Noah",
            "Oliver", "Ethan", "Daniel", "David", "Max", "Paul", "Jan", "Ben", "Finn", "Niklas", "Raphaël");

    static final List<String> NEUTRAL = List.of("Alex", "Sam", "Robin", "Kim", "Charlie", "Noa", "Eli", "Sascha");

    static final List<String> LAST = List.of(
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Schäfer",
            "Koch",
            "Richter",
            "Klein",
            "Wolf",
            "Schröder",
            "Neumann",
            "Schwarz",
            "Zimmermann",
            "Krüger",
            "Hartmann",
            "Lange",
            "Werner",
            "Köhler",
            "Jäger",
            "Öztürk",
            "Yılmaz",
            "Kaya",
            "Demir",
            "Nowak",
            "Kowalski",
            "Wiśniewski",
            "Wójcik",
            "Lewandowski",
            "Dvořák",
            "Novák",
            "García",
            "Martínez",
            "López",
            "Fernández",
            "Sánchez",
            "Rodríguez",
            "Pérez",
            "Gonçalves",
            "Silva",
            "Rossi",
            "Russo",
            "Bianchi",
            "Esposito",
            "Romano",
            "Dubois",
            "Lefèvre",
            "Moreau",
            "Laurent",
            "Girard",
            "Bernard",
            "Johansson",
            "Andersson",
            "Nielsen",
            "Hansen",
            "Larsen",
            "Jørgensen",
            "O'Brien",
            "Murphy",
            "Kelly",
            "Smith",
            "Taylor",
            "Brown",
            "Wilson",
            "Tanaka",
            "Suzuki",
            "Sato",
            "Nakamura",
            "Kim",
            "Park",
            "Nguyen",
            "Tran",
            "Patel",
            "Sharma",
            "Singh",
            "Okafor",
            "Mensah",
            "Haddad",
            "Khalil",
            "Cohen",
            "Levi",
            "Ivanova",
            "Petrov",
            "Popescu",
            "Horváth");

    static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net");

    static final List<String> NOTES = List.of(
            "Prefers the back row; first yoga class ever, very motivated.",
            "Recovering from a knee operation in spring, avoid deep lunges.",
            "Asked about the 200h teacher training starting in autumn.",
            "Brought two friends to the Saturday flow, both signed up as leads.",
            "Would like invoices to her company address.",
            "Switched from the Kreuzberg to the Mitte location after moving.",
            "Pregnant (due in autumn), recommended prenatal classes on Tuesdays.",
            "Regular at the 7:00 vinyasa, likes to be reminded of schedule changes.");

    static final List<String> YELLOW_ALERTS = List.of(
            "Lower back issues: offer modifications in forward folds.",
            "Asthma: inhaler in the locker.",
            "High blood pressure: no inversions.",
            "Shoulder injury (rotator cuff), no chaturanga for now.");

    static final List<String> RED_ALERTS = List.of(
            "Severe nut allergy: no snacks in the studio kitchen near her mat.",
            "Epilepsy: emergency contact must be called in case of a seizure.");

    /** A name written in plain ASCII for an email address: "Łukasz Wiśniewski" becomes "lukasz.wisniewski". */
    static String emailPart(String name) {
        String mapped = name.toLowerCase(Locale.ROOT)
                .replace("ł", "l")
                .replace("ø", "o")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("ı", "i")
                .replace("'", "");
        return Normalizer.normalize(mapped, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]", "");
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks the first value whose weight the draw falls under; weights add up to 100. */
    static String weighted(Random random, Object... valuesAndWeights) {
        int draw = random.nextInt(100);
        int sum = 0;
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            sum += (Integer) valuesAndWeights[i + 1];
            if (draw < sum) {
                return (String) valuesAndWeights[i];
            }
        }
        return (String) valuesAndWeights[valuesAndWeights.length - 2];
    }
}
