//! Partial updates: apply `{field: value}` changes to a record's input struct,
//! so every update is validated as a whole record by the same rules as a create.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

pub fn apply_patch<T: Serialize + DeserializeOwned>(current: &T, changes: serde_json::Map<String, Value>) -> Result<T> {
    let Value::Object(mut fields) = serde_json::to_value(current)? else {
        return Err(Error::internal("record did not serialise to an object"));
    };
    for (name, value) in changes {
        if !fields.contains_key(&name) {
            return Err(Error::invalid(&name, format!("Unknown field {name:?}")));
        }
        // Check each field alone so the error names it.
        let mut probe = fields.clone();
        probe.insert(name.clone(), value.clone());
        if let Err(e) = serde_json::from_value::<T>(Value::Object(probe)) {
            return Err(Error::invalid(&name, format!("Wrong value for {name}: {e}")));
        }
        fields.insert(name, value);
    }
    serde_json::from_value(Value::Object(fields)).map_err(|e| Error::invalid("changes", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Thing {
        name: String,
        size: u32,
    }

    #[test]
    fn changes_only_the_given_fields() {
        let t = Thing { name: "a".into(), size: 1 };
        let changes = serde_json::json!({"size": 5}).as_object().unwrap().clone();
        assert_eq!(apply_patch(&t, changes).unwrap(), Thing { name: "a".into(), size: 5 });
    }

    #[test]
    fn names_the_unknown_or_wrongly_typed_field() {
        let t = Thing { name: "a".into(), size: 1 };
        let unknown = serde_json::json!({"colour": "red"}).as_object().unwrap().clone();
        assert_eq!(apply_patch(&t, unknown).unwrap_err().field.as_deref(), Some("colour"));
        let wrong = serde_json::json!({"size": "big"}).as_object().unwrap().clone();
        assert_eq!(apply_patch(&t, wrong).unwrap_err().field.as_deref(), Some("size"));
    }
}
