import { Observable } from 'rxjs';
import type { AllSubscription } from '../port/event-store';
import type { RecordedEvent } from '../port/types';

/** The subscription as an rxjs Observable; unsubscribing closes it. */
export function toObservable(subscription: AllSubscription): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    void (async () => {
      try {
        for await (const event of subscription) {
          if (subscriber.closed) break;
          subscriber.next(event);
        }
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      }
    })();
    return () => {
      subscription.close();
    };
  });
}
