//! Rows handed from the thread that reads them to the thread that uses them: in batches
//! (fewer thread wake-ups) with a few batches read ahead at most (bounded memory). When the
//! receiving side is dropped, the reading side hears it at its next row and stops.

use crate::error::Result;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

const BATCH: usize = 256;
const AHEAD: usize = 8;

/// The reading side.
pub(crate) struct Sender<T> {
    send: SyncSender<Result<Vec<T>>>,
    batch: Vec<T>,
}

impl<T> Sender<T> {
    /// Queues `item`; false once the receiving side has gone (stop reading).
    pub fn push(&mut self, item: T) -> bool {
        self.batch.push(item);
        self.batch.len() < BATCH
            || self.send.send(Ok(std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH)))).is_ok()
    }

    /// Sends the rows queued, then the error reading stopped at, if any.
    pub fn finish(self, read: Result<()>) {
        let sent = self.send.send(Ok(self.batch));
        if let (Ok(()), Err(e)) = (sent, read) {
            let _ = self.send.send(Err(e));
        }
    }
}

/// The receiving side: the items in the order they were pushed, then the error if reading failed.
pub(crate) struct Received<T> {
    receive: Receiver<Result<Vec<T>>>,
    batch: std::vec::IntoIter<T>,
}

impl<T> Iterator for Received<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.batch.next() {
                return Some(Ok(item));
            }
            match self.receive.recv().ok()? {
                Ok(batch) => self.batch = batch.into_iter(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

pub(crate) fn channel<T>() -> (Sender<T>, Received<T>) {
    let (send, receive) = sync_channel(AHEAD);
    (Sender { send, batch: Vec::with_capacity(BATCH) }, Received { receive, batch: Vec::new().into_iter() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn items_arrive_in_order_then_the_error_and_a_dropped_receiver_stops_the_reader() {
        let (mut send, received) = channel();
        let reader = std::thread::spawn(move || {
            (0..1000).for_each(|i| assert!(send.push(i)));
            send.finish(Err(Error::invalid("path", "cut off")));
        });
        let items: Vec<Result<i32>> = received.collect();
        reader.join().unwrap();
        assert_eq!(items.len(), 1001);
        assert!(items[..1000].iter().enumerate().all(|(i, item)| item.as_ref().ok() == Some(&(i as i32))));
        assert_eq!(items[1000].as_ref().unwrap_err().message, "cut off");

        let (mut send, received) = channel();
        let reader = std::thread::spawn(move || (0..).take_while(|i| send.push(*i)).count());
        drop(received);
        let pushed = reader.join().unwrap();
        assert!(pushed < BATCH * (AHEAD + 2), "the reader stopped after {pushed} items");
    }
}
