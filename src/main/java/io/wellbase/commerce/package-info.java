/**
 * What a business sells besides its classes: the product catalogue, stock per location kept as movements,
 * orders that reserve stock when placed, purchase orders drafted from reorder suggestions, and the clients'
 * favorites, routines and recommendations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commerce")
@io.wellbase.platform.data.OwnsTables({
    "product_categories",
    "products",
    "stock_levels",
    "stock_movements",
    "service_products",
    "purchase_orders",
    "purchase_order_lines",
    "orders",
    "order_items",
    "order_refunds",
    "product_favorites",
    "routines",
    "routine_steps"
})
@io.wellbase.platform.data.PublishesViews({
    "report_orders",
    "report_order_items",
    "report_order_refunds",
    "report_products"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.commerce;
