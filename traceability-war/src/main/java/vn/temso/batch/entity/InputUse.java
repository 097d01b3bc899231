package vn.temso.batch.entity;

import java.math.BigDecimal;

/**
 * A batch used to make a new one, with the quantity of it used (optional; a quantity needs its unit).
 *
 * @param batch    the input batch, as read by the caller
 * @param quantity the quantity of the input used, or null if not recorded
 * @param unit     the unit of that quantity (kg, tấn...), or null
 */
public record InputUse(Batch batch, BigDecimal quantity, String unit) {}
