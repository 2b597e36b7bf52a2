package io.wellbase.commerce.internal.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An order's money, in integer minor units. The rules:
 * <ul>
 * <li>a line's gross is unit price × quantity; the subtotal is the sum of the gross;</li>
 * <li>an order discount (an amount, or a percentage of the subtotal rounded half up) is at most the subtotal and is
 * shared out over the lines in proportion to their gross, by largest remainder, so the lines' shares add up to it
 * exactly;</li>
 * <li>each line's tax is its rate applied to its discounted amount, rounded half up to the minor unit; the order's tax
 * is the sum of the lines' (so a receipt's lines always add up);</li>
 * <li>prices are before tax; a line's total is its discounted amount plus its tax, the order's total their sum.</li>
 * </ul>
 */
final class Pricing {

    private Pricing() {}

    /** A line to price: unit price in minor units, a whole quantity, the tax rate in basis points (1900 = 19 %). */
    record Line(long unitPrice, int quantity, int taxRateBp) {}

    /** A priced line. */
    record PricedLine(long gross, long discount, long tax, long total) {}

    /** A discount asked for: a fixed amount in minor units, or a percentage in basis points (1000 = 10 %). */
    record Discount(long amount, int percentBp) {

        static final Discount NONE = new Discount(0, 0);
    }

    record Priced(List<PricedLine> lines, long subtotal, long discount, long tax, long total) {}

    static Priced price(List<Line> lines, Discount asked) {
        long subtotal = 0;
        for (Line l : lines) {
            subtotal = Math.addExact(subtotal, Math.multiplyExact(l.unitPrice(), (long) l.quantity()));
        }
        long discount = asked.percentBp() > 0
                ? BigDecimal.valueOf(subtotal)
                        .multiply(BigDecimal.valueOf(asked.percentBp()))
                        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                        .longValueExact()
                : asked.amount();
        discount = Math.min(Math.max(discount, 0), subtotal);
        long[] shares = share(lines, subtotal, discount);
        List<PricedLine> priced = new ArrayList<>();
        long tax = 0;
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            long gross = l.unitPrice() * l.quantity();
            long net = gross - shares[i];
            long lineTax = BigDecimal.valueOf(net)
                    .multiply(BigDecimal.valueOf(l.taxRateBp()))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            priced.add(new PricedLine(gross, shares[i], lineTax, net + lineTax));
            tax += lineTax;
            total += net + lineTax;
        }
        return new Priced(List.copyOf(priced), subtotal, discount, tax, total);
    }

    /** The discount shared by gross, by largest remainder (ties to the earlier line). */
    private static long[] share(List<Line> lines, long subtotal, long discount) {
        long[] shares = new long[lines.size()];
        if (discount == 0 || subtotal == 0) {
            return shares;
        }
        long given = 0;
        long[] remainders = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal[] qr = BigDecimal.valueOf(
                            lines.get(i).unitPrice() * lines.get(i).quantity())
                    .multiply(BigDecimal.valueOf(discount))
                    .divideAndRemainder(BigDecimal.valueOf(subtotal));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; given < discount; k++) {
            shares[order.get(k)]++;
            given++;
        }
        return shares;
    }

    /**
     * What refunding {@code units} more of a line gives back, when {@code before} units were refunded already: the
     * line's total shared by units, rounded on the running count, so refunding every unit gives back the total exactly.
     */
    static long refundOf(long lineTotal, int quantity, int before, int units) {
        return portion(lineTotal, quantity, before + units) - portion(lineTotal, quantity, before);
    }

    private static long portion(long total, int quantity, int units) {
        return BigDecimal.valueOf(total)
                .multiply(BigDecimal.valueOf(units))
                .divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
