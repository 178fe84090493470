//! Leads: required fields, the status machine, qualification and score, conversion.

mod common;

use crm_core::leads::{self, LeadConversion, LeadInput, LeadSettingsUpdate, LeadStatus, LeadStatusChange, LeadUpdate};
use crm_core::{accounts, opportunities, ErrorCode, IdArgs, NoArgs, Store};
use serde_json::json;

fn obj(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    v.as_object().unwrap().clone()
}

fn lead(store: &Store, v: serde_json::Value) -> crm_core::Result<leads::Lead> {
    let input: LeadInput = serde_json::from_value(v).expect("lead input");
    store.write(|w| leads::create(w, input))
}

fn status(store: &Store, id: &str, to: &str, reason: &str) -> crm_core::Result<leads::Lead> {
    let status: LeadStatus = serde_json::from_value(json!(to)).unwrap();
    store.write(|w| leads::set_status(w, LeadStatusChange { id: id.into(), status, reason: reason.into() }))
}

fn convert(store: &Store, args: serde_json::Value) -> crm_core::Result<leads::ConversionResult> {
    let args: LeadConversion = serde_json::from_value(args).unwrap();
    store.write(|w| leads::convert(w, args))
}

fn count(store: &Store, table: &str) -> i64 {
    store.read(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)).unwrap()
}

#[test]
fn required_fields_come_from_settings_and_are_named() {
    let t = common::store();
    assert_eq!(lead(&t, json!({"last_name": "Weber"})).unwrap_err().field.as_deref(), Some("company"));
    assert_eq!(lead(&t, json!({"company": "Weber AG"})).unwrap_err().field.as_deref(), Some("last_name"));
    lead(&t, json!({"last_name": "Weber", "company": "Weber AG"})).unwrap();
    t.write(|w| {
        leads::settings_update(
            w,
            LeadSettingsUpdate { changes: obj(json!({"required_fields": ["company", "emails"]})) },
        )
    })
    .unwrap();
    let err = lead(&t, json!({"company": "Nord GmbH"})).unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Validation, Some("emails")));
    lead(&t, json!({"company": "Nord GmbH", "emails": ["info@nord.example"]})).unwrap();
    let bad = t.write(|w| {
        leads::settings_update(w, LeadSettingsUpdate { changes: obj(json!({"required_fields": ["shoe_size"]})) })
    });
    assert_eq!(bad.unwrap_err().field.as_deref(), Some("required_fields"));
    assert_eq!(lead(&t, json!({"company": "X", "emails": ["bad"]})).unwrap_err().field.as_deref(), Some("emails[0]"));
}

#[test]
fn every_status_transition_is_allowed_or_refused_as_written() {
    use LeadStatus::*;
    let t = common::store();
    let all = [New, Contacted, Qualified, Disqualified, Converted];
    for from in [New, Contacted, Qualified, Disqualified] {
        for to in all {
            let l = lead(&t, json!({"last_name": "L", "company": "C"})).unwrap();
            // Reach `from` by allowed steps.
            let path: &[LeadStatus] = match from {
                New => &[],
                Contacted => &[Contacted],
                Qualified => &[Qualified],
                Disqualified => &[Disqualified],
                Converted => unreachable!(),
            };
            for step in path {
                t.write(|w| {
                    leads::set_status(w, LeadStatusChange { id: l.id.clone(), status: *step, reason: "r".into() })
                })
                .unwrap();
            }
            let result = t.write(|w| {
                leads::set_status(w, LeadStatusChange { id: l.id.clone(), status: to, reason: "why".into() })
            });
            assert_eq!(result.is_ok(), from.next().contains(&to), "{from:?} → {to:?}: {result:?}");
            if let Err(e) = result {
                assert_eq!(e.field.as_deref(), Some("status"));
                assert_eq!(t.read(|c| leads::get(c, IdArgs { id: l.id.clone() })).unwrap().status, from, "unchanged");
            }
        }
    }
}

#[test]
fn disqualifying_needs_a_reason_and_reopening_clears_it() {
    let t = common::store();
    let l = lead(&t, json!({"last_name": "L", "company": "C"})).unwrap();
    assert_eq!(status(&t, &l.id, "disqualified", " ").unwrap_err().field.as_deref(), Some("reason"));
    let d = status(&t, &l.id, "disqualified", "No budget this year").unwrap();
    assert_eq!((d.status, d.disqualified_reason.as_str()), (LeadStatus::Disqualified, "No budget this year"));
    assert_eq!(convert(&t, json!({"id": l.id})).unwrap_err().code, ErrorCode::Conflict);
    let reopened = status(&t, &l.id, "new", "").unwrap();
    assert_eq!(reopened.disqualified_reason, "");
}

#[test]
fn answers_drive_the_score_with_reasons() {
    let t = common::store();
    let l = lead(&t, json!({"last_name": "L", "company": "C"})).unwrap();
    assert_eq!(l.score, 0);
    let answer = |answers: serde_json::Value| {
        t.write(|w| leads::update(w, LeadUpdate { id: l.id.clone(), changes: obj(json!({ "answers": answers })) }))
    };
    let q = answer(json!({"budget": "yes", "authority": "influences", "need": "critical", "timing": "year"})).unwrap();
    assert_eq!(q.score, 25 + 15 + 25 + 10);
    assert_eq!(q.score_reasons.len(), 4);
    assert!(q.score_reasons.iter().any(|r| r.reason.contains("budget") && r.points == 25));
    let stored: i64 =
        t.read(|c| Ok(c.query_row("SELECT score FROM leads WHERE id = ?1", [&l.id], |r| r.get(0))?)).unwrap();
    assert_eq!(stored, 75, "the score is stored for sorting");
    let with_data = t
        .write(|w| {
            leads::update(
                w,
                LeadUpdate { id: l.id.clone(), changes: obj(json!({"rating": "hot", "emails": ["a@b.de"]})) },
            )
        })
        .unwrap();
    assert_eq!(with_data.score, 88);
    assert_eq!(answer(json!({"budget": "maybe"})).unwrap_err().field.as_deref(), Some("answers.budget"));
    assert_eq!(answer(json!({"colour": "red"})).unwrap_err().field.as_deref(), Some("answers"));
    let by_score =
        t.read(|c| leads::list(c, serde_json::from_value(json!({"sort": "score", "desc": true})).unwrap())).unwrap();
    assert_eq!(by_score.rows[0].score, 88);
}

#[test]
fn conversion_creates_account_contact_and_opportunity_from_the_lead() {
    let t = common::store();
    let l = lead(
        &t,
        json!({"salutation": "Frau", "first_name": "Käthe", "last_name": "Köhler", "title": "Einkauf", "company": "Köhler Logistik GmbH",
               "emails": ["kk@koehler.example.de"], "phones": ["+49 40 5550123"], "source": "trade_show", "industry": "Logistik",
               "address": {"city": "Hamburg", "street": "Hafenstraße 1"}}),
    )
    .unwrap();
    let preview = t.read(|c| leads::convert_preview(c, IdArgs { id: l.id.clone() })).unwrap();
    assert!(preview.accounts.is_empty() && preview.contacts.is_empty());
    let r = convert(&t, json!({"id": l.id, "amount": "15000.00", "close_date": "2026-12-31"})).unwrap();
    assert_eq!(r.account.fields.name, "Köhler Logistik GmbH");
    assert_eq!(r.account.fields.billing_address.as_ref().unwrap().city, "Hamburg");
    assert_eq!(r.contact.fields.account_id.as_deref(), Some(r.account.id.as_str()));
    assert_eq!((r.contact.fields.first_name.as_str(), r.contact.fields.title.as_str()), ("Käthe", "Einkauf"));
    assert_eq!(r.contact.fields.emails[0].value, "kk@koehler.example.de");
    assert_eq!(r.contact.fields.lead_source, "trade_show");
    let o = r.opportunity.unwrap();
    assert_eq!(
        (o.fields.account_id.as_str(), o.fields.contact_id.as_deref()),
        (r.account.id.as_str(), Some(r.contact.id.as_str()))
    );
    assert_eq!(o.fields.amount.unwrap().to_string(), "15000.00");
    assert_eq!(o.fields.stage, "prospecting");
    assert_eq!(o.lead_id.as_deref(), Some(l.id.as_str()));
    assert_eq!(r.lead.status, LeadStatus::Converted);
    assert_eq!(r.lead.converted_opportunity_id.as_deref(), Some(o.id.as_str()));
    assert_eq!(r.lead.converted_contact_id.as_deref(), Some(r.contact.id.as_str()));

    let again = convert(&t, json!({"id": l.id})).unwrap_err();
    assert_eq!(again.code, ErrorCode::Conflict);
    let edit = t.write(|w| leads::update(w, LeadUpdate { id: l.id.clone(), changes: obj(json!({"title": "x"})) }));
    assert_eq!(edit.unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(status(&t, &l.id, "new", "").unwrap_err().code, ErrorCode::Conflict);
    assert_eq!((count(&t, "accounts"), count(&t, "contacts"), count(&t, "opportunities")), (1, 1, 1));
}

#[test]
fn conversion_offers_and_reuses_matching_account_and_contact() {
    let t = common::store();
    let acme =
        t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "ACME, Inc."})).unwrap())).unwrap();
    let by_email =
        common::create(&t, json!({"first_name": "Road", "last_name": "Runner", "emails": ["RR@acme.example"]}));
    let by_phone = common::create(&t, json!({"last_name": "Coyote", "phones": ["+1 (555) 010-9999"]}));
    let l = lead(&t, json!({"last_name": "Runner", "company": "Acme Inc", "emails": ["rr@acme.example"], "phones": ["555 010 9999"]}))
        .unwrap();
    let preview = t.read(|c| leads::convert_preview(c, IdArgs { id: l.id.clone() })).unwrap();
    assert_eq!(
        preview.accounts.iter().map(|m| (m.id.as_str(), m.matched_by.as_str())).collect::<Vec<_>>(),
        [(acme.id.as_str(), "company name")]
    );
    let matched: Vec<(&str, &str)> = preview.contacts.iter().map(|m| (m.id.as_str(), m.matched_by.as_str())).collect();
    assert_eq!(matched, [(by_email.id.as_str(), "e-mail"), (by_phone.id.as_str(), "phone")]);

    let r = convert(&t, json!({"id": l.id, "account_id": acme.id, "contact_id": by_email.id, "no_opportunity": true}))
        .unwrap();
    assert_eq!((r.account.id.as_str(), r.contact.id.as_str()), (acme.id.as_str(), by_email.id.as_str()));
    assert!(r.opportunity.is_none());
    assert_eq!((count(&t, "accounts"), count(&t, "contacts"), count(&t, "opportunities")), (1, 2, 0), "no duplicates");
}

#[test]
fn a_failed_conversion_changes_nothing() {
    let t = common::store();
    let l = lead(&t, json!({"last_name": "Fail", "company": "Fail GmbH"})).unwrap();
    let err = convert(&t, json!({"id": l.id, "close_date": "31.12.2026"})).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("close_date"));
    assert_eq!((count(&t, "accounts"), count(&t, "contacts"), count(&t, "opportunities")), (0, 0, 0));
    assert_eq!(t.read(|c| leads::get(c, IdArgs { id: l.id.clone() })).unwrap().status, LeadStatus::New);
    let missing = convert(&t, json!({"id": l.id, "account_id": "nope"})).unwrap_err();
    assert_eq!(missing.field.as_deref(), Some("account_id"));
    assert_eq!(convert(&t, json!({"id": "nope"})).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn opportunities_take_stage_probabilities_and_exact_amounts() {
    let t = common::store();
    let acme = t.write(|w| accounts::create(w, serde_json::from_value(json!({"name": "Acme"})).unwrap())).unwrap();
    let create = |v: serde_json::Value| t.write(|w| opportunities::create(w, serde_json::from_value(v).unwrap()));
    let o = create(json!({"name": "Deal", "account_id": acme.id, "stage": "proposal", "amount": "1000.5"})).unwrap();
    assert_eq!((o.fields.probability, o.fields.currency.as_str()), (Some(60), "EUR"));
    assert_eq!(o.fields.amount.unwrap().to_string(), "1000.50");
    assert_eq!(
        create(json!({"name": "D", "account_id": acme.id, "amount": "1.005"})).unwrap_err().field.as_deref(),
        Some("amount")
    );
    assert_eq!(
        create(json!({"name": "D", "account_id": acme.id, "currency": "JPY", "amount": "10.5"}))
            .unwrap_err()
            .field
            .as_deref(),
        Some("amount")
    );
    assert_eq!(
        create(json!({"name": "D", "account_id": acme.id, "stage": "dreaming"})).unwrap_err().field.as_deref(),
        Some("stage")
    );
    assert_eq!(create(json!({"name": "D"})).unwrap_err().field.as_deref(), Some("account_id"));
    let moved = t
        .write(|w| {
            opportunities::update(
                w,
                opportunities::OpportunityUpdate { id: o.id.clone(), changes: obj(json!({"stage": "negotiation"})) },
            )
        })
        .unwrap();
    assert_eq!(moved.fields.probability, Some(80));
    let stages = t.read(|c| crm_core::stages::list(c, NoArgs {})).unwrap();
    assert_eq!(stages.first().unwrap().key, "prospecting");
}
