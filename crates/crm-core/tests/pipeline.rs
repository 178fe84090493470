//! The pipeline: configurable stages, closing and re-opening deals, stage history, the archive,
//! every list sort in both directions, exact totals, the funnel and the board.

mod common;

use crm_core::commands::dispatch;
use crm_core::{ErrorCode, Store};
use serde_json::{json, Value};

fn ok(store: &Store, name: &str, args: Value) -> Value {
    dispatch(store, name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn refused(store: &Store, name: &str, args: Value) -> String {
    let e = dispatch(store, name, args).expect_err(name);
    assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
    e.field.unwrap_or_default()
}

fn account(store: &Store, name: &str) -> String {
    ok(store, "account_create", json!({"name": name}))["id"].as_str().unwrap().to_owned()
}

fn deal(store: &Store, account: &str, extra: Value) -> Value {
    let mut args = json!({"name": "Deal", "account_id": account, "currency": "EUR"});
    args.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    ok(store, "opportunity_create", args)
}

fn update(store: &Store, id: &Value, changes: Value) -> Value {
    ok(store, "opportunity_update", json!({"id": id, "changes": changes}))
}

fn stages(store: &Store) -> Vec<Value> {
    ok(store, "stage_list", json!({})).as_array().unwrap().clone()
}

/// The default stages as `stage_save` input.
fn stage_inputs(store: &Store) -> Vec<Value> {
    stages(store)
        .into_iter()
        .map(|s| json!({"key": s["key"], "name": s["name"], "probability": s["probability"], "kind": s["kind"], "coaching": s["coaching"]}))
        .collect()
}

#[test]
fn default_stages_are_seeded_with_kinds_and_coaching() {
    let t = common::store();
    let s = stages(&t);
    let keys: Vec<&str> = s.iter().map(|s| s["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        ["prospecting", "qualification", "needs_analysis", "proposal", "negotiation", "closed_won", "closed_lost"]
    );
    assert_eq!(s[5]["kind"], "won");
    assert_eq!(s[5]["closed"], true);
    assert_eq!(s[6]["kind"], "lost");
    assert_eq!(s[3]["position"], 3);
    assert!(s[3]["coaching"].as_str().unwrap().contains("quote"));
}

#[test]
fn stage_save_validates_the_whole_list() {
    let t = common::store();
    let base = stage_inputs(&t);
    let without = |kind: &str| base.iter().filter(|s| s["kind"] != kind).cloned().collect::<Vec<_>>();
    for kind in ["open", "won", "lost"] {
        assert_eq!(refused(&t, "stage_save", json!({"stages": without(kind)})), "stages", "{kind}");
    }
    let mut dup = base.clone();
    dup[1]["key"] = json!("prospecting");
    assert_eq!(refused(&t, "stage_save", json!({"stages": dup})), "stages[1].key");
    let mut bad = base.clone();
    bad[2]["probability"] = json!(101);
    assert_eq!(refused(&t, "stage_save", json!({"stages": bad})), "stages[2].probability");
    let mut bad = base.clone();
    bad[0]["key"] = json!("Has Space");
    assert_eq!(refused(&t, "stage_save", json!({"stages": bad})), "stages[0].key");
    let mut bad = base.clone();
    bad[0]["name"] = json!(" ");
    assert_eq!(refused(&t, "stage_save", json!({"stages": bad})), "stages[0].name");
    assert_eq!(stages(&t).len(), 7, "nothing was saved");
}

#[test]
fn stage_save_adds_renames_reorders_and_removes_with_moves() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let d = deal(&t, &acc, json!({"stage": "needs_analysis"}));
    let mut list = stage_inputs(&t);
    // A new stage after proposal, negotiation renamed, qualification and needs analysis swapped.
    list.insert(4, json!({"key": "demo", "name": "Demo", "probability": 70, "kind": "open", "coaching": "Show it"}));
    list[5]["name"] = json!("Contract talks");
    list.swap(1, 2);
    let saved = ok(&t, "stage_save", json!({"stages": list.clone()}));
    let keys: Vec<&str> = saved.as_array().unwrap().iter().map(|s| s["key"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        [
            "prospecting",
            "needs_analysis",
            "qualification",
            "proposal",
            "demo",
            "negotiation",
            "closed_won",
            "closed_lost"
        ]
    );
    assert_eq!(saved[5]["name"], "Contract talks");
    // The deal's stage sort follows the new order.
    let q = deal(&t, &acc, json!({"stage": "qualification"}));
    let rows = ok(&t, "opportunity_list", json!({"sort": "stage"}))["rows"].clone();
    assert_eq!(rows[0]["id"], d["id"]);
    assert_eq!(rows[1]["id"], q["id"]);
    // Removing a stage in use needs a move, to a kept stage of the same kind.
    let removed: Vec<Value> = list.iter().filter(|s| s["key"] != "needs_analysis").cloned().collect();
    assert_eq!(refused(&t, "stage_save", json!({"stages": removed})), "moves");
    assert_eq!(
        refused(
            &t,
            "stage_save",
            json!({"stages": removed, "moves": [{"from": "needs_analysis", "to": "closed_won"}]})
        ),
        "moves[0].to"
    );
    assert_eq!(
        refused(
            &t,
            "stage_save",
            json!({"stages": removed, "moves": [{"from": "needs_analysis", "to": "needs_analysis"}]})
        ),
        "moves[0].to"
    );
    assert_eq!(
        refused(&t, "stage_save", json!({"stages": list, "moves": [{"from": "proposal", "to": "demo"}]})),
        "moves[0].from",
        "only removed stages move"
    );
    ok(&t, "stage_save", json!({"stages": removed, "moves": [{"from": "needs_analysis", "to": "proposal"}]}));
    let moved = ok(&t, "opportunity_get", json!({"id": d["id"]}));
    assert_eq!(moved["stage"], "proposal");
    assert_eq!(moved["probability"], 60);
    let history = ok(&t, "opportunity_stage_history", json!({"id": d["id"]}));
    assert_eq!(history.as_array().unwrap().last().unwrap()["from_stage"], "needs_analysis");
    assert_eq!(
        refused(&t, "opportunity_create", json!({"name": "X", "account_id": acc, "stage": "needs_analysis"})),
        "stage"
    );
    // An unused stage goes without a move; a removed key can come back.
    let fewer: Vec<Value> =
        list.iter().filter(|s| s["key"] != "needs_analysis" && s["key"] != "demo").cloned().collect();
    ok(&t, "stage_save", json!({"stages": fewer}));
    assert_eq!(stages(&t).len(), 6);
    ok(&t, "stage_save", json!({"stages": list}));
    assert_eq!(stages(&t).len(), 8);
}

#[test]
fn forecast_category_defaults_from_the_stage_and_can_be_overridden() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let cases = [("prospecting", "pipeline"), ("proposal", "best_case"), ("negotiation", "commit")];
    for (stage, forecast) in cases {
        assert_eq!(deal(&t, &acc, json!({"stage": stage}))["forecast_category"], forecast, "{stage}");
    }
    let d = deal(&t, &acc, json!({"stage": "prospecting", "forecast_category": "commit"}));
    assert_eq!(d["forecast_category"], "commit");
    assert_eq!(update(&t, &d["id"], json!({"next_step": "Call"}))["forecast_category"], "commit", "kept");
    assert_eq!(update(&t, &d["id"], json!({"stage": "proposal"}))["forecast_category"], "best_case", "a new stage");
    assert_eq!(update(&t, &d["id"], json!({"probability": 90}))["forecast_category"], "commit", "a new probability");
    assert_eq!(update(&t, &d["id"], json!({"forecast_category": "omitted"}))["forecast_category"], "omitted");
    assert_eq!(
        refused(&t, "opportunity_update", json!({"id": d["id"], "changes": {"forecast_category": "closed"}})),
        "forecast_category"
    );
    let won = update(&t, &d["id"], json!({"stage": "closed_won", "forecast_category": "pipeline"}));
    assert_eq!(won["forecast_category"], "closed", "won deals are closed");
}

#[test]
fn new_fields_are_kept_and_checked() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let partner = account(&t, "Reseller GmbH");
    let d = deal(
        &t,
        &acc,
        json!({"campaign": "Spring fair", "partner_account_id": partner, "next_step": "Send the quote",
               "competitors": [" Globex ", "", "globex", "Initech"]}),
    );
    assert_eq!(d["campaign"], "Spring fair");
    assert_eq!(d["partner_account_id"], partner.as_str());
    assert_eq!(d["next_step"], "Send the quote");
    assert_eq!(d["competitors"], json!(["Globex", "Initech"]));
    assert_eq!(
        refused(&t, "opportunity_create", json!({"name": "X", "account_id": acc, "partner_account_id": "nope"})),
        "partner_account_id"
    );
    assert_eq!(
        refused(&t, "opportunity_create", json!({"name": "X", "account_id": acc, "amount": "1000000000000000"})),
        "amount"
    );
}

#[test]
fn losing_needs_a_reason_winning_dates_the_deal_and_reopening_clears_it() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let d = deal(&t, &acc, json!({"amount": "1000.00"}));
    assert_eq!(d["closed_on"], Value::Null);
    assert_eq!(
        refused(&t, "opportunity_update", json!({"id": d["id"], "changes": {"stage": "closed_lost"}})),
        "lost_reason"
    );
    assert_eq!(
        refused(&t, "opportunity_create", json!({"name": "X", "account_id": acc, "stage": "closed_lost"})),
        "lost_reason"
    );
    let lost = update(&t, &d["id"], json!({"stage": "closed_lost", "lost_reason": "Price too high"}));
    let today = chrono::Local::now().date_naive().to_string();
    assert_eq!(lost["closed_on"], today.as_str());
    assert_eq!(lost["lost_reason"], "Price too high");
    assert_eq!(lost["probability"], 0);
    assert_eq!(lost["forecast_category"], "omitted");
    // Editing a lost deal does not ask again.
    assert_eq!(update(&t, &d["id"], json!({"next_step": "Ask again in spring"}))["lost_reason"], "Price too high");
    let reopened = update(&t, &d["id"], json!({"stage": "negotiation"}));
    assert_eq!(reopened["lost_reason"], "");
    assert_eq!(reopened["closed_on"], Value::Null);
    assert_eq!(reopened["probability"], 80);
    let won = update(&t, &d["id"], json!({"stage": "closed_won", "won_reason": "Best service"}));
    assert_eq!(won["closed_on"], today.as_str());
    assert_eq!(won["won_reason"], "Best service");
    assert_eq!(won["forecast_category"], "closed");
    // Won without a reason is fine.
    let other = deal(&t, &acc, json!({}));
    assert_eq!(update(&t, &other["id"], json!({"stage": "closed_won"}))["won_reason"], "");
}

#[test]
fn every_stage_change_is_in_the_history_with_amount_and_probability() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let d = deal(&t, &acc, json!({"amount": "500.00"}));
    update(&t, &d["id"], json!({"amount": "750.00"}));
    update(&t, &d["id"], json!({"stage": "proposal", "probability": 55}));
    update(&t, &d["id"], json!({"stage": "closed_lost", "lost_reason": "No budget"}));
    let h = ok(&t, "opportunity_stage_history", json!({"id": d["id"]}));
    let rows: Vec<(Value, Value, Value, Value)> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["stage"].clone(), r["from_stage"].clone(), r["amount"].clone(), r["probability"].clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (json!("prospecting"), Value::Null, json!("500.00"), json!(10)),
            (json!("proposal"), json!("prospecting"), json!("750.00"), json!(55)),
            (json!("closed_lost"), json!("proposal"), json!("750.00"), json!(0)),
        ]
    );
    assert_eq!(h[0]["changed_on"], chrono::Local::now().date_naive().to_string().as_str());
}

#[test]
fn contacts_with_roles() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let d = deal(&t, &acc, json!({}));
    let a = common::create(&t, json!({"last_name": "Ames"})).id;
    let b = common::create(&t, json!({"last_name": "Baker"})).id;
    let set =
        |contacts: Value| ok(&t, "opportunity_contacts_set", json!({"opportunity_id": d["id"], "contacts": contacts}));
    set(json!([{"contact_id": a, "role": "decision_maker"}, {"contact_id": b, "role": "influencer"}]));
    let after = set(json!([{"contact_id": b, "role": "economic_buyer"}]));
    assert_eq!(after, json!([{"contact_id": b, "role": "economic_buyer"}]));
    assert_eq!(ok(&t, "opportunity_contacts", json!({"id": d["id"]})), after);
    assert_eq!(
        refused(
            &t,
            "opportunity_contacts_set",
            json!({"opportunity_id": d["id"], "contacts": [{"contact_id": a}, {"contact_id": a}]})
        ),
        "contacts[1].contact_id"
    );
    assert_eq!(
        refused(
            &t,
            "opportunity_contacts_set",
            json!({"opportunity_id": d["id"], "contacts": [{"contact_id": "nope"}]})
        ),
        "contacts[0].contact_id"
    );
}

#[test]
fn merging_keeps_the_roles_and_the_partner() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let partner = account(&t, "Reseller");
    let partner_copy = account(&t, "Reseller Ltd");
    let d = deal(&t, &acc, json!({"partner_account_id": partner_copy}));
    let a = common::create(&t, json!({"last_name": "Ames"})).id;
    let a_copy = common::create(&t, json!({"last_name": "Ames", "first_name": "A."})).id;
    let b = common::create(&t, json!({"last_name": "Baker"})).id;
    let b_copy = common::create(&t, json!({"last_name": "Baker", "first_name": "B."})).id;
    ok(
        &t,
        "opportunity_contacts_set",
        json!({"opportunity_id": d["id"], "contacts": [
        {"contact_id": a, "role": "user"}, {"contact_id": a_copy, "role": "decision_maker"}, {"contact_id": b_copy, "role": "influencer"}]}),
    );
    ok(&t, "records_merge", json!({"record_type": "contact", "winner_id": a, "loser_id": a_copy}));
    ok(&t, "records_merge", json!({"record_type": "contact", "winner_id": b, "loser_id": b_copy}));
    assert_eq!(
        ok(&t, "opportunity_contacts", json!({"id": d["id"]})),
        json!([{"contact_id": a, "role": "user"}, {"contact_id": b, "role": "influencer"}])
    );
    ok(&t, "records_merge", json!({"record_type": "account", "winner_id": partner, "loser_id": partner_copy}));
    assert_eq!(ok(&t, "opportunity_get", json!({"id": d["id"]}))["partner_account_id"], partner.as_str());
}

#[test]
fn archive_lists_lost_and_stale_deals() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let open = deal(&t, &acc, json!({"name": "Open"}));
    let lost = deal(&t, &acc, json!({"name": "Lost"}));
    update(&t, &lost["id"], json!({"stage": "closed_lost", "lost_reason": "Gone"}));
    let won = deal(&t, &acc, json!({"name": "Won", "stage": "closed_won"}));
    let names = |days: u32| -> Vec<String> {
        ok(&t, "opportunity_archive", json!({"stale_days": days}))["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(30), ["Lost"], "fresh open deals are not stale");
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(names(0), ["Lost", "Open"], "unchanged since now: stale; won deals never");
    let _ = (open, won);
}

/// 12 deals with distinct names, amounts, close dates, probabilities and stages.
fn sample(t: &Store) -> (String, Vec<Value>) {
    let acc = account(t, "Acme");
    let stages = ["prospecting", "qualification", "needs_analysis", "proposal", "negotiation", "closed_won"];
    let deals = (0..12)
        .map(|i| {
            deal(
                t,
                &acc,
                json!({"name": format!("Deal {:02}", (i * 7) % 12), "amount": format!("{}.{:02}", 100 + (i * 37) % 1000, i),
                       "currency": if i % 3 == 0 { "USD" } else { "EUR" },
                       "close_date": if i == 4 { Value::Null } else { json!(format!("2027-0{}-1{}", 1 + (i * 5) % 9, i % 10)) },
                       "stage": stages[i % 6], "probability": (i * 13) % 101}),
            )
        })
        .collect();
    (acc, deals)
}

#[test]
fn every_sort_pages_in_both_directions() {
    let t = common::store();
    let (_, deals) = sample(&t);
    let stage_rank = |s: &Value| stages(&t).iter().position(|x| x["key"] == *s).unwrap();
    for sort in ["name", "close_date", "amount", "stage", "probability", "updated"] {
        for desc in [false, true] {
            let mut seen = Vec::new();
            let mut after = Value::Null;
            loop {
                let page = ok(&t, "opportunity_list", json!({"sort": sort, "desc": desc, "limit": 5, "after": after}));
                seen.extend(page["rows"].as_array().unwrap().iter().map(|r| r["id"].clone()));
                if page["next"].is_null() {
                    break;
                }
                after = page["next"].clone();
            }
            let key = |d: &Value| -> (String, String) {
                let k = match sort {
                    "name" => d["name"].as_str().unwrap().to_lowercase(),
                    "close_date" => d["close_date"].as_str().unwrap_or("").to_owned(),
                    "amount" => format!("{:012.2}", d["amount"].as_str().unwrap().parse::<f64>().unwrap()),
                    "stage" => format!("{:03}", stage_rank(&d["stage"])),
                    "probability" => format!("{:03}", d["probability"].as_u64().unwrap()),
                    _ => d["updated_at"].as_str().unwrap().to_owned(),
                };
                (k, d["id"].as_str().unwrap().to_owned())
            };
            let mut expected = deals.clone();
            expected.sort_by_key(key);
            if desc {
                expected.reverse();
            }
            let expected: Vec<Value> = expected.iter().map(|d| d["id"].clone()).collect();
            assert_eq!(seen, expected, "{sort} desc={desc}");
        }
    }
}

#[test]
fn filters_and_exact_totals() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let other = account(&t, "Other");
    deal(&t, &acc, json!({"amount": "0.10", "probability": 33, "close_date": "2027-01-10"}));
    deal(&t, &acc, json!({"amount": "0.20", "probability": 33, "close_date": "2027-02-10", "stage": "proposal"}));
    deal(&t, &acc, json!({"amount": "1000", "currency": "JPY", "close_date": "2027-03-10", "probability": 7}));
    deal(&t, &other, json!({"amount": "5.555", "currency": "KWD", "stage": "closed_won"}));
    let lost = deal(&t, &other, json!({"amount": "9.99"}));
    update(&t, &lost["id"], json!({"stage": "closed_lost", "lost_reason": "Late"}));
    let page = ok(&t, "opportunity_list", json!({"limit": 1}));
    assert_eq!(page["total"], 5);
    assert_eq!(
        page["totals"],
        json!([
            {"currency": "EUR", "count": 3, "amount": "10.29", "weighted": "0.099"},
            {"currency": "JPY", "count": 1, "amount": "1000", "weighted": "70"},
            {"currency": "KWD", "count": 1, "amount": "5.555", "weighted": "5.555"},
        ])
    );
    assert_eq!(ok(&t, "opportunity_list", json!({"limit": 1, "after": page["next"]}))["totals"], Value::Null);
    let count = |args: Value| ok(&t, "opportunity_list", args)["total"].as_u64().unwrap();
    assert_eq!(count(json!({"stage": "proposal"})), 1);
    assert_eq!(count(json!({"stage_kind": "open"})), 3);
    assert_eq!(count(json!({"stage_kind": "won"})), 1);
    assert_eq!(count(json!({"stage_kind": "lost"})), 1);
    assert_eq!(count(json!({"close_from": "2027-02-01"})), 2);
    assert_eq!(count(json!({"close_from": "2027-01-10", "close_to": "2027-02-10"})), 2);
    assert_eq!(count(json!({"account_id": other})), 2);
    let user: String =
        t.read(|c| Ok(c.query_row("SELECT value FROM meta WHERE key = 'local_user_id'", [], |r| r.get(0))?)).unwrap();
    assert_eq!(count(json!({"owner_id": user})), 5);
    assert_eq!(count(json!({"owner_id": "someone else"})), 0);
    assert_eq!(refused(&t, "opportunity_list", json!({"close_from": "soon"})), "close_from");
    let open = ok(
        &t,
        "opportunity_list",
        json!({"stage_kind": "open", "conditions": [{"field": "currency", "op": "equals", "value": "EUR"}]}),
    );
    assert_eq!(open["totals"], json!([{"currency": "EUR", "count": 2, "amount": "0.30", "weighted": "0.099"}]));
}

#[test]
fn funnel_and_board() {
    let t = common::store();
    let acc = account(&t, "Acme");
    deal(&t, &acc, json!({"name": "A", "amount": "100.00", "close_date": "2027-05-01"}));
    deal(&t, &acc, json!({"name": "B", "amount": "50.50", "close_date": "2027-04-01"}));
    deal(&t, &acc, json!({"name": "C", "amount": "10", "currency": "USD", "close_date": "2027-06-01"}));
    deal(&t, &acc, json!({"name": "D", "amount": "7.00", "stage": "proposal", "close_date": "2027-09-01"}));
    deal(&t, &acc, json!({"name": "E", "amount": "1.00", "stage": "closed_won"}));
    let funnel = ok(&t, "pipeline_funnel", json!({}));
    let funnel = funnel.as_array().unwrap();
    assert_eq!(funnel.len(), 5, "open stages only");
    assert_eq!(funnel[0]["stage"]["key"], "prospecting");
    assert_eq!(funnel[0]["count"], 3);
    assert_eq!(
        funnel[0]["amounts"],
        json!([
            {"currency": "EUR", "count": 2, "amount": "150.50", "weighted": "15.05"},
            {"currency": "USD", "count": 1, "amount": "10.00", "weighted": "1.00"}
        ])
    );
    assert_eq!(funnel[1]["count"], 0);
    assert_eq!(funnel[3]["amounts"], json!([{"currency": "EUR", "count": 1, "amount": "7.00", "weighted": "4.20"}]));
    let in_range = ok(&t, "pipeline_funnel", json!({"close_from": "2027-05-01", "close_to": "2027-08-31"}));
    assert_eq!(in_range[0]["count"], 2);
    assert_eq!(in_range[3]["count"], 0);
    assert_eq!(ok(&t, "pipeline_funnel", json!({"owner_id": "nobody"}))[0]["count"], 0);

    let board = ok(&t, "pipeline_board", json!({"cards": 2}));
    let board = board.as_array().unwrap();
    assert_eq!(board.len(), 7, "every stage has a column");
    let names: Vec<&str> = board[0]["cards"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["B", "A"], "first cards by close date");
    assert_eq!(board[0]["count"], 3);
    assert_eq!(board[5]["count"], 1);
    assert_eq!(board[5]["cards"][0]["name"], "E");
    assert_eq!(board[6]["cards"], json!([]));
    // Dragging a card to the lost column asks for the reason.
    let card = board[0]["cards"][0]["id"].clone();
    assert_eq!(
        refused(&t, "opportunity_update", json!({"id": card, "changes": {"stage": "closed_lost"}})),
        "lost_reason"
    );
}

#[test]
fn moving_deals_to_a_stage_is_one_batch_that_undo_takes_back() {
    let t = common::store();
    let acc = account(&t, "Acme");
    let d = deal(&t, &acc, json!({"amount": "100.00", "probability": 15}));
    let id = d["id"].clone();
    let history = |t: &Store| ok(t, "opportunity_stage_history", json!({"id": id})).as_array().unwrap().len();
    assert_eq!(history(&t), 1);

    // A lost stage needs the reason, on its field; nothing is written.
    let e = dispatch(&t, "bulk_opportunity_stage", json!({"ids": [id], "stage": "closed_lost"})).unwrap_err();
    assert_eq!((e.field.as_deref(), e.row), (Some("lost_reason"), Some(1)));
    assert_eq!(ok(&t, "opportunity_get", json!({"id": id}))["stage"], "prospecting");

    let moved = ok(&t, "bulk_opportunity_stage", json!({"ids": [id], "stage": "proposal"}));
    assert_eq!(moved["changed"], 1);
    let now = ok(&t, "opportunity_get", json!({"id": id}));
    assert_eq!((now["stage"].as_str(), now["probability"].as_u64()), (Some("proposal"), Some(60)));
    assert_eq!(history(&t), 2);
    // Already there: nothing changes.
    assert_eq!(ok(&t, "bulk_opportunity_stage", json!({"ids": [id], "stage": "proposal"}))["changed"], 0);

    ok(&t, "batch_undo", json!({"batch_id": moved["batch_id"]}));
    let back = ok(&t, "opportunity_get", json!({"id": id}));
    assert_eq!((back["stage"].as_str(), back["probability"].as_u64()), (Some("prospecting"), Some(15)));
    assert_eq!(history(&t), 1, "the history row goes with the move");

    let won = ok(&t, "bulk_opportunity_stage", json!({"ids": [id], "stage": "closed_won", "won_reason": " Best fit "}));
    let closed = ok(&t, "opportunity_get", json!({"id": id}));
    assert_eq!(closed["won_reason"], "Best fit");
    assert!(closed["closed_on"].is_string());
    ok(&t, "batch_undo", json!({"batch_id": won["batch_id"]}));
    let reopened = ok(&t, "opportunity_get", json!({"id": id}));
    assert_eq!((reopened["won_reason"].as_str(), reopened["closed_on"].is_null()), (Some(""), true));
}

#[test]
fn migrated_deals_keep_their_stage_with_history_and_sort_keys() {
    let t = common::store();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v8.db");
    let copy = t.dir.path().join("v8.db");
    std::fs::copy(fixture, &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    let page = dispatch(&store, "opportunity_list", json!({"sort": "amount"})).unwrap();
    assert_eq!(page["rows"][0]["stage"], "proposal");
    assert_eq!(page["totals"], json!([{"currency": "EUR", "count": 1, "amount": "12500.00", "weighted": "7500.00"}]));
    let id = page["rows"][0]["id"].clone();
    let deal = dispatch(&store, "opportunity_get", json!({"id": id})).unwrap();
    assert_eq!(deal["forecast_category"], "best_case");
    let history = dispatch(&store, "opportunity_stage_history", json!({"id": id})).unwrap();
    assert_eq!(history[0]["stage"], "proposal");
    assert_eq!(dispatch(&store, "pipeline_funnel", json!({})).unwrap()[3]["count"], 1);
}
