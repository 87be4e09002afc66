namespace Stow.Core.Catalog;

using System.Collections.Frozen;
using Stow.Core.Items;

/// <summary>
/// The rules that give every catalogue item its <see cref="PackagingClass"/> and fragile flag, in one place.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>ARC 2017</b> records carry a packaging <c>type</c> chosen by the challenge organisers; it is taken as
/// given (<c>other</c> → <see cref="PackagingClass.Irregular"/>, <c>deformable</c> → <see cref="PackagingClass.Deformable"/>,
/// the rest by name). Fragility is not in the data: an ARC item is fragile when its name names a brittle material or
/// product (<see cref="ArcFragileNameParts"/>).</para>
/// <para><b>Olist</b> rows give only an English category (after translation) and the package's dimensions, so the
/// class is decided in three steps: (1) the category table <see cref="OlistCategoryClasses"/> (a translated category
/// missing from it counts as <see cref="PackagingClass.Box"/>, the commonest e-commerce package); (2) categories whose
/// goods are mostly bottles, jars and tubes (<see cref="OlistCylinderCategories"/>) become
/// <see cref="PackagingClass.Cylinder"/> only when the package looks like one (<see cref="IsCylinderLike"/>), else
/// <see cref="PackagingClass.Box"/> (a perfume shipped in its carton); (3) a rigid package (box, clamshell,
/// irregular) that is thin and flat (<see cref="IsThinFlat"/>) becomes <see cref="PackagingClass.Book"/>, because the
/// cell handles it like one (flip upright, slot between items). Fragility is by category
/// (<see cref="OlistFragileCategories"/>): glass, liquids in glass, electronics and small appliances, lamps, decor.</para>
/// <para>These are our judgement on public category names, not measured breakage data; tests pin every rule.</para>
/// </remarks>
public static class PackagingRules
{
    /// <summary>Thin-flat rule: largest shortest edge [m] (5 cm: a thick hardback or a boxed DVD set).</summary>
    public const double ThinFlatMaxHeight = 0.05;

    /// <summary>Thin-flat rule: largest ratio of shortest to middle edge (1:5).</summary>
    public const double ThinFlatMaxAspect = 0.2;

    /// <summary>Cylinder rule: largest ratio of middle to shortest edge (a near-square cross-section, ±20 %).</summary>
    public const double CylinderMaxCrossSectionRatio = 1.2;

    /// <summary>Cylinder rule: smallest ratio of longest to middle edge (a bottle or tube, longer than wide).</summary>
    public const double CylinderMinElongation = 1.2;

    /// <summary>ARC 2017 <c>type</c> values (lower case) and their class.</summary>
    public static readonly FrozenDictionary<string, PackagingClass> ArcTypeClasses = new Dictionary<string, PackagingClass>
    {
        ["box"] = PackagingClass.Box,
        ["book"] = PackagingClass.Book,
        ["cylinder"] = PackagingClass.Cylinder,
        ["deformable"] = PackagingClass.Deformable,
        ["wrapped"] = PackagingClass.Wrapped,
        ["clamshell"] = PackagingClass.Clamshell,
        ["other"] = PackagingClass.Irregular,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Parts of an ARC item name that mark it fragile: glass (even the plastic wine glass: a thin stem snaps under
    /// paddle squeeze), DVD and CD cases (hinges crack), bulbs, ceramics, mirrors.
    /// </summary>
    public static readonly IReadOnlyList<string> ArcFragileNameParts = ["glass", "dvd", "cd_", "bulb", "ceramic", "mirror"];

    /// <summary>
    /// Olist English category → class, before the geometry rules. Reasoning per group: books and disc media are flat
    /// rigid items; clothing, bedding, bags and upholstery are soft goods; diapers, party and Christmas supplies and
    /// artificial flowers ship film-wrapped; phone and audio accessories come in blister packs; furniture, tools, car
    /// parts, sports gear, instruments and pet and farm supplies have no regular shape; the rest ship in cartons.
    /// </summary>
    public static readonly FrozenDictionary<string, PackagingClass> OlistCategoryClasses = BuildOlistTable();

    /// <summary>Olist categories whose goods are mostly bottles, jars, cans and tubes (see <see cref="IsCylinderLike"/>).</summary>
    public static readonly FrozenSet<string> OlistCylinderCategories =
        new[] { "perfumery", "drinks", "food_drink", "food", "health_beauty" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Olist categories whose goods break under squeeze or impact: glassware and kitchenware, perfume and drinks in
    /// glass, electronics, computers, phones, cameras, consoles, small and large appliances, watches, lamps,
    /// Christmas baubles, framed art, decor (vases, mirrors, frames) and musical instruments.
    /// </summary>
    public static readonly FrozenSet<string> OlistFragileCategories = new[]
    {
        "perfumery", "drinks", "food_drink", "housewares", "la_cuisine", "electronics", "computers",
        "computers_accessories", "pc_gamer", "telephony", "fixed_telephony", "tablets_printing_image", "consoles_games",
        "audio", "cine_photo", "small_appliances", "small_appliances_home_oven_and_coffee",
        "small_appliances_kitchen_food_preparers", "home_appliances", "home_appliances_2", "air_conditioning",
        "watches_gifts", "construction_tools_lights", "christmas_supplies", "art", "furniture_decor",
        "musical_instruments",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Class of an ARC 2017 <c>type</c> (case-insensitive), or null when the type is not known.</summary>
    public static PackagingClass? ClassifyArc(string type) =>
        ArcTypeClasses.TryGetValue(type.Trim().ToLowerInvariant(), out var c) ? c : null;

    /// <summary>True when an ARC 2017 item name contains one of <see cref="ArcFragileNameParts"/> (case-insensitive).</summary>
    public static bool IsArcFragile(string name)
    {
        var n = name.ToLowerInvariant();
        return ArcFragileNameParts.Any(p => n.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>Class of an Olist product from its English category and package dimensions (rules in the remarks).</summary>
    public static PackagingClass ClassifyOlist(string englishCategory, ItemDimensions dimensions)
    {
        var c = OlistCategoryClasses.GetValueOrDefault(englishCategory, PackagingClass.Box);
        if (OlistCylinderCategories.Contains(englishCategory))
        {
            c = IsCylinderLike(dimensions) ? PackagingClass.Cylinder : PackagingClass.Box;
        }

        if ((c is PackagingClass.Box or PackagingClass.Clamshell or PackagingClass.Irregular) && IsThinFlat(dimensions))
        {
            c = PackagingClass.Book;
        }

        return c;
    }

    /// <summary>True when an Olist category is in <see cref="OlistFragileCategories"/>.</summary>
    public static bool IsOlistFragile(string englishCategory) => OlistFragileCategories.Contains(englishCategory);

    /// <summary>
    /// Thin and flat: shortest edge ≤ <see cref="ThinFlatMaxHeight"/> and ≤ <see cref="ThinFlatMaxAspect"/> × the
    /// middle edge.
    /// </summary>
    public static bool IsThinFlat(ItemDimensions d) => d.Height <= ThinFlatMaxHeight && d.Height <= ThinFlatMaxAspect * d.Width;

    /// <summary>
    /// Bounding box of a bottle or tube: middle edge ≤ <see cref="CylinderMaxCrossSectionRatio"/> × shortest edge and
    /// longest edge ≥ <see cref="CylinderMinElongation"/> × middle edge.
    /// </summary>
    public static bool IsCylinderLike(ItemDimensions d) =>
        d.Width <= CylinderMaxCrossSectionRatio * d.Height && d.Length >= CylinderMinElongation * d.Width;

    private static FrozenDictionary<string, PackagingClass> BuildOlistTable()
    {
        var t = new Dictionary<string, PackagingClass>(StringComparer.Ordinal);
        void Set(PackagingClass c, params string[] categories)
        {
            foreach (var k in categories)
            {
                t[k] = c;
            }
        }

        Set(PackagingClass.Book, "books_general_interest", "books_technical", "books_imported", "dvds_blu_ray", "cds_dvds_musicals");
        Set(PackagingClass.Deformable, "bed_bath_table", "home_comfort", "home_comfort_2", "fashion_bags_accessories",
            "fashion_male_clothing", "fashion_female_clothing", "fashion_underwear_beach", "fashion_childrens_clothes",
            "fashion_sport", "furniture_mattress_and_upholstery");
        Set(PackagingClass.Wrapped, "diapers_and_hygiene", "party_supplies", "christmas_supplies", "flowers");
        Set(PackagingClass.Clamshell, "telephony", "audio");
        Set(PackagingClass.Irregular, "furniture_decor", "furniture_living_room", "furniture_bedroom", "office_furniture",
            "kitchen_dining_laundry_garden_furniture", "garden_tools", "construction_tools_construction",
            "construction_tools_safety", "construction_tools_garden", "construction_tools_lights",
            "construction_tools_tools", "home_construction", "auto", "sports_leisure", "musical_instruments", "pet_shop",
            "agro_industry_and_commerce", "industry_commerce_and_business", "luggage_accessories", "art");
        Set(PackagingClass.Box, "housewares", "computers_accessories", "toys", "watches_gifts", "baby", "stationery",
            "cool_stuff", "electronics", "home_appliances", "home_appliances_2", "consoles_games", "small_appliances",
            "small_appliances_home_oven_and_coffee", "small_appliances_kitchen_food_preparers", "air_conditioning",
            "fixed_telephony", "market_place", "signaling_and_security", "arts_and_craftmanship", "fashion_shoes",
            "la_cuisine", "computers", "cine_photo", "tablets_printing_image", "pc_gamer", "security_and_services",
            "music", "perfumery", "drinks", "food_drink", "food", "health_beauty");
        return t.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
