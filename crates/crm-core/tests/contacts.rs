//! Contacts: validation naming the field, patch updates, keyset lists, search.

mod common;

use common::{create, input};
use crm_core::contacts::{self, ContactListQuery, ContactSort, ContactUpdate};
use crm_core::search::{self, SearchArgs, MARK_END, MARK_START};
use crm_core::{ErrorCode, IdArgs, Store};
use serde_json::json;

fn invalid_field(json: serde_json::Value) -> String {
    let err = contacts::validate(&input(json)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    err.field.expect("field named")
}

#[test]
fn validation_names_the_field() {
    assert_eq!(invalid_field(json!({"first_name": "Jürgen"})), "last_name");
    assert_eq!(invalid_field(json!({"last_name": "   "})), "last_name");
    assert_eq!(invalid_field(json!({"last_name": "x", "emails": ["ok@example.de", "not-an-email"]})), "emails[1]");
    assert_eq!(invalid_field(json!({"last_name": "x", "phones": ["12"]})), "phones[0]");
    assert_eq!(invalid_field(json!({"last_name": "x", "phones": ["call me maybe!"]})), "phones[0]");
    assert_eq!(invalid_field(json!({"last_name": "x", "birthday": "31.12.1980"})), "birthday");
    assert_eq!(invalid_field(json!({"last_name": "x", "birthday": "2999-01-01"})), "birthday");
    assert_eq!(invalid_field(json!({"last_name": "x".repeat(201)})), "last_name");
    assert_eq!(
        invalid_field(
            json!({"last_name": "x", "emails": [{"value": "a@b.de", "primary": true}, {"value": "c@d.de", "primary": true}]})
        ),
        "emails"
    );
}

#[test]
fn values_are_trimmed_and_the_first_value_becomes_primary() {
    let c = contacts::validate(&input(json!({
        "first_name": "  Anna ", "last_name": " Müller",
        "emails": ["", " anna@example.de ", {"value": "a.m@example.com", "label": "home"}],
        "addresses": [{"city": ""}, {"city": "Köln", "street": "Domkloster 4"}],
        "birthday": ""
    })))
    .unwrap();
    assert_eq!((c.first_name.as_str(), c.last_name.as_str()), ("Anna", "Müller"));
    assert_eq!(c.emails.len(), 2);
    assert!(c.emails[0].primary && !c.emails[1].primary);
    assert_eq!(c.emails[0].value, "anna@example.de");
    assert_eq!(c.addresses.len(), 1, "blank address rows are dropped");
    assert_eq!(c.birthday, None);
}

#[test]
fn update_applies_only_the_given_fields_and_validates_the_result() {
    let t = common::store();
    let c = create(&t, json!({"first_name": "Hans", "last_name": "Weber", "emails": ["hw@example.de"]}));
    let change = |changes: serde_json::Value| {
        t.write(|w| {
            contacts::update(w, ContactUpdate { id: c.id.clone(), changes: changes.as_object().unwrap().clone() })
        })
    };
    let updated = change(json!({"title": "Einkauf"})).unwrap();
    assert_eq!(updated.fields.title, "Einkauf");
    assert_eq!(updated.fields.emails[0].value, "hw@example.de", "untouched fields stay");
    assert_eq!(change(json!({"last_name": ""})).unwrap_err().field.as_deref(), Some("last_name"));
    assert_eq!(change(json!({"shoe_size": 44})).unwrap_err().field.as_deref(), Some("shoe_size"));
    assert_eq!(change(json!({"emails": "nope"})).unwrap_err().field.as_deref(), Some("emails"));
    let missing = t.write(|w| contacts::update(w, ContactUpdate { id: "nope".into(), changes: Default::default() }));
    assert_eq!(missing.unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(t.read(|c2| contacts::get(c2, IdArgs { id: c.id.clone() })).unwrap().fields.last_name, "Weber");
}

#[test]
fn a_deleted_contact_cannot_be_edited() {
    let t = common::store();
    let c = create(&t, json!({"last_name": "Fischer"}));
    t.write(|w| contacts::delete(w, IdArgs { id: c.id.clone() })).unwrap();
    let err = t.write(|w| {
        contacts::update(
            w,
            ContactUpdate { id: c.id.clone(), changes: json!({"title": "x"}).as_object().unwrap().clone() },
        )
    });
    assert_eq!(err.unwrap_err().code, ErrorCode::Conflict);
}

fn all_pages(store: &Store, query: ContactListQuery) -> (Vec<String>, Option<u64>) {
    let mut names = Vec::new();
    let mut q = query;
    let first = store.read(|c| contacts::list(c, q.clone())).unwrap();
    let total = first.total;
    let mut page = first;
    loop {
        names.extend(page.rows.iter().map(|r| r.display_name.clone()));
        match page.next.take() {
            None => break,
            Some(next) => {
                q.after = Some(next);
                page = store.read(|c| contacts::list(c, q.clone())).unwrap();
                assert_eq!(page.total, None, "total comes with the first page only");
            }
        }
    }
    (names, total)
}

fn people(t: &Store) {
    for (first, last, email, city) in [
        ("Zoë", "Adams", "zoe@z.example", "Zürich"),
        ("Jürgen", "Groß", "jg@example.de", "Berlin"),
        ("Anna", "Müller", "anna@a.example", "Köln"),
        ("Tom", "Muller", "tom@b.example", "Boston"),
        ("Тарас", "Шевченко", "taras@example.ua", "Київ"),
        ("Ольга", "Иванова", "olga@example.ru", "Москва"),
        ("Bob", "Gross", "bob@example.com", "Austin"),
    ] {
        create(t, json!({"first_name": first, "last_name": last, "emails": [email], "addresses": [{"city": city}]}));
    }
}

#[test]
fn keyset_pages_walk_the_whole_list_in_order_without_repeats() {
    let t = common::store();
    people(&t);
    let (names, total) = all_pages(&t, ContactListQuery { limit: 2, ..Default::default() });
    assert_eq!(total, Some(7));
    assert_eq!(
        names,
        ["Zoë Adams", "Bob Gross", "Jürgen Groß", "Anna Müller", "Tom Muller", "Ольга Иванова", "Тарас Шевченко"]
    );
    let (desc, _) = all_pages(&t, ContactListQuery { limit: 3, desc: true, ..Default::default() });
    assert_eq!(desc, names.iter().rev().cloned().collect::<Vec<_>>());
}

#[test]
fn lists_sort_by_email_city_and_update_time() {
    let t = common::store();
    people(&t);
    let (by_email, _) = all_pages(&t, ContactListQuery { sort: ContactSort::Email, limit: 4, ..Default::default() });
    assert_eq!(by_email[0], "Anna Müller");
    assert_eq!(by_email.last().unwrap(), "Zoë Adams");
    let (by_city, _) = all_pages(&t, ContactListQuery { sort: ContactSort::City, limit: 4, ..Default::default() });
    assert_eq!(&by_city[..3], ["Bob Gross", "Jürgen Groß", "Tom Muller"]);
    let (recent, _) =
        all_pages(&t, ContactListQuery { sort: ContactSort::Updated, desc: true, limit: 5, ..Default::default() });
    assert_eq!(recent[0], "Bob Gross");
}

#[test]
fn quick_filter_and_jump_to_a_letter() {
    let t = common::store();
    people(&t);
    let (mull, total) = all_pages(&t, ContactListQuery { q: "mull".into(), ..Default::default() });
    assert_eq!(mull, ["Anna Müller", "Tom Muller"]);
    assert_eq!(total, Some(2));
    let (from_m, _) = all_pages(&t, ContactListQuery { starts_with: "Mü".into(), ..Default::default() });
    assert_eq!(from_m[0], "Anna Müller");
    let (cyr, _) = all_pages(&t, ContactListQuery { starts_with: "Ш".into(), ..Default::default() });
    assert_eq!(cyr, ["Тарас Шевченко"]);
}

#[test]
fn a_forged_cursor_is_a_clear_error() {
    let t = common::store();
    let err = t
        .read(|c| contacts::list(c, ContactListQuery { after: Some("garbage".into()), ..Default::default() }))
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("after"));
}

fn titles(t: &Store, q: &str) -> Vec<String> {
    let found = t.read(|c| search::search(c, SearchArgs { q: q.into(), limit: 10 })).unwrap();
    let mut titles: Vec<String> = found.groups.into_iter().flat_map(|g| g.hits.into_iter().map(|h| h.title)).collect();
    titles.sort();
    titles
}

#[test]
fn search_ignores_case_and_diacritics_and_reads_cyrillic() {
    let t = common::store();
    people(&t);
    assert_eq!(titles(&t, "gro"), ["Bob Gross", "Jürgen Groß"]);
    assert_eq!(titles(&t, "MUL"), ["Anna Müller", "Tom Muller"]);
    assert_eq!(titles(&t, "müller"), ["Anna Müller", "Tom Muller"]);
    assert_eq!(titles(&t, "шевч"), ["Тарас Шевченко"]);
    assert_eq!(titles(&t, "ШЕВЧЕНКО тар"), ["Тарас Шевченко"]);
    assert_eq!(titles(&t, "zoe"), ["Zoë Adams"]);
    assert_eq!(titles(&t, "jg@example"), ["Jürgen Groß"]);
    assert_eq!(titles(&t, "köln"), ["Anna Müller"]);
    assert!(titles(&t, "nobody").is_empty());
    assert!(titles(&t, "nobody").is_empty());
    assert!(titles(&t, "\"* OR NEAR(").is_empty(), "FTS syntax in input is literal, not an error");
}

#[test]
fn search_reads_words_typed_together_as_a_phrase() {
    let t = common::store();
    people(&t);
    create(&t, json!({"last_name": "Deutsch", "emails": ["de.mail@example.com"]}));
    // Any part of an address, and the parts in their order: example.de is not de…@example.com.
    assert_eq!(titles(&t, "@example.de"), ["Jürgen Groß"]);
    assert_eq!(titles(&t, "example.d"), ["Jürgen Groß"]);
    assert_eq!(titles(&t, "jg@exa"), ["Jürgen Groß"]);
    assert_eq!(titles(&t, "de.ma"), ["Deutsch"]);
    assert_eq!(titles(&t, "example de"), ["Deutsch", "Jürgen Groß"], "words apart may match anywhere");
}

#[test]
fn search_shows_whole_word_matches_before_longer_words() {
    let t = common::store();
    create(&t, json!({"last_name": "Sternberg"}));
    create(&t, json!({"last_name": "Sterne"}));
    create(&t, json!({"last_name": "Stern"}));
    let first = |q: &str, limit: u32| -> Vec<String> {
        let found = t.read(|c| search::search(c, SearchArgs { q: q.into(), limit })).unwrap();
        found.groups.into_iter().flat_map(|g| g.hits).map(|h| h.title).collect()
    };
    assert_eq!(first("stern", 1), ["Stern"]);
    assert_eq!(first("STERN", 3), ["Stern", "Sternberg", "Sterne"], "then the prefix matches, once each");
    assert_eq!(first("sterne", 5), ["Sterne"]);
    assert_eq!(first("stern", 2).len(), 2);
}

#[test]
fn search_finds_phone_numbers_however_they_are_typed() {
    let t = common::store();
    create(&t, json!({"last_name": "Telefon", "phones": ["+49 (30) 123-4567"]}));
    for typed in ["030 1234567", "0301234", "+49 30 123", "4930123", "(030) 123-45", "301234567"] {
        assert_eq!(titles(&t, typed), ["Telefon"], "{typed}");
    }
    assert!(titles(&t, "089 1234567").is_empty());
}

#[test]
fn search_marks_the_match_in_the_title() {
    let t = common::store();
    people(&t);
    let found = t.read(|c| search::search(c, SearchArgs { q: "шевч".into(), limit: 5 })).unwrap();
    let hit = &found.groups[0].hits[0];
    assert_eq!(found.groups[0].record_type, "contact");
    assert_eq!(hit.marked, format!("Тарас {MARK_START}Шевченко{MARK_END}"));
    assert!(hit.subtitle.contains("taras@example.ua"));
}
